using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Data;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Services.Customers;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.IContact.Bench;

/// <summary>
/// Bench-only copy of the per-customer bulk path as it was before issue 12 (commit 0b33f42), the baseline the bench
/// compares with: the platform's customer paging (CreatedOnUtc descending, count + Skip/Take), a roles query and a
/// newsletter query per customer, and the old enqueue (a supersede DELETE per list, then the provider's list insert)
/// </summary>
public sealed class BaselineBulkSync(ICustomerService customers, INewsLetterSubscriptionService newsletters, SubscriberService subscribers,
    IRepository<IcontactQueueItem> queue, IcontactSettings settings, IReadOnlyList<IcontactRule> rules)
{
    private int[] Roles => CustomerFactsReader.RolesOf(rules);

    private Task<IPagedList<Customer>> PageAsync(DateTime? createdTo, int pageIndex) =>
        customers.GetAllCustomersAsync(createdToUtc: createdTo, customerRoleIds: Roles, pageIndex: pageIndex, pageSize: IcontactDefaults.BulkPageSize);

    private async Task<(CustomerFacts Facts, IList<NewsLetterSubscription> Newsletters)> ReadAsync(Customer customer, int storeId)
    {
        var roles = await customers.GetCustomerRoleIdsAsync(customer);
        var rows = string.IsNullOrWhiteSpace(customer.Email) ? [] : await newsletters.GetNewsLetterSubscriptionsByEmailAsync(customer.Email, storeId);
        return (new CustomerFacts(customer.Email, customer.Active, roles, rows.Where(s => s.Active).Select(s => s.TypeId).ToList()), rows);
    }

    /// <summary>
    /// The old preview over one page of customers (the bench times some pages and scales)
    /// </summary>
    public async Task<int> PreviewPageAsync(int storeId, int pageIndex, List<RulePreview> previews)
    {
        var page = await PageAsync(null, pageIndex);
        var delivered = (await subscribers.GetManyAsync(storeId, page.Select(c => c.Id).ToList())).ToDictionary(s => s.CustomerId);
        foreach (var customer in page)
        {
            var (facts, rows) = await ReadAsync(customer, storeId);
            var email = QueueItemFactory.NormalizeEmail(customer.Email);
            foreach (var preview in previews)
            {
                var explanation = RuleEvaluator.Explain(preview.Rule, facts);
                if (!explanation.MatchesRoles)
                    continue;
                if (!explanation.HasEmail)
                    preview.SkippedNoEmail++;
                else if (!customer.Active)
                    preview.SkippedInactive++;
                else if (delivered.TryGetValue(customer.Id, out var s) && s.Email == email && s.GetListIds().Contains(preview.Rule.ListId))
                    preview.AlreadySubscribed++;
                else if (!explanation.ConsentHolds)
                {
                    if (rows.Any(n => !n.Active))
                        preview.LeftAloneUnsubscribedInStore++;
                    else
                        preview.SkippedNoConsent++;
                }
                else
                    preview.Subscribe++;
            }
        }

        return page.Count;
    }

    /// <summary>
    /// The old step: one page by index, per-customer reads, the old enqueue
    /// </summary>
    public async Task<int> StepAsync(int storeId, DateTime createdTo, int pageIndex)
    {
        var page = await PageAsync(createdTo, pageIndex);
        var delivered = (await subscribers.GetManyAsync(storeId, page.Select(c => c.Id).ToList())).ToDictionary(s => s.CustomerId);
        var items = new List<IcontactQueueItem>();
        foreach (var customer in page.Where(c => c.Active && !string.IsNullOrWhiteSpace(c.Email)))
        {
            var (facts, _) = await ReadAsync(customer, storeId);
            var email = QueueItemFactory.NormalizeEmail(customer.Email);
            var known = delivered.TryGetValue(customer.Id, out var subscriber) && subscriber.Email == email ? subscriber.GetListIds() : new HashSet<string>();
            var snapshot = OldSnapshotOf(customer);
            items.AddRange(RuleEvaluator.Evaluate(rules, facts).Where(t => !known.Contains(t.ListId)).Select(t => QueueItemFactory.Subscribe(storeId, customer, t, snapshot, -1)));
        }

        var pending = (int)QueueItemState.Pending;
        foreach (var group in items.GroupBy(item => item.ListId))
        {
            var listId = group.Key;
            var emails = group.Select(item => item.Email).Distinct().ToList();
            await queue.DeleteAsync(queued => queued.StateId == pending && queued.StoreId == storeId && queued.ListId == listId && emails.Contains(queued.Email));
        }

        foreach (var item in items)
            (item.State, item.NextAttemptOnUtc, item.CreatedOnUtc, item.UpdatedOnUtc) = (QueueItemState.Pending, DateTime.UtcNow, DateTime.UtcNow, DateTime.UtcNow);
        await queue.InsertAsync(items, false);
        return items.Count;
    }

    /// <summary>
    /// The fields the code before field mappings sent (what the default mapping sends)
    /// </summary>
    private ContactSnapshot OldSnapshotOf(Customer customer) => new(System.Text.Json.JsonSerializer.Serialize(new Nop.Plugin.Misc.IContact.Api.IcontactContact
    {
        CustomFields = string.IsNullOrWhiteSpace(settings?.CustomerIdCustomField) ? null
            : new Dictionary<string, object> { [settings.CustomerIdCustomField.Trim()] = customer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        Email = QueueItemFactory.NormalizeEmail(customer.Email),
        FirstName = customer.FirstName,
        LastName = customer.LastName,
        Phone = customer.Phone,
        Business = customer.Company,
        Street = customer.StreetAddress,
        Street2 = customer.StreetAddress2,
        City = customer.City,
        PostalCode = customer.ZipPostalCode
    }, Nop.Plugin.Misc.IContact.Api.IcontactJson.Options), null);
}
