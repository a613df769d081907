using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Data;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Represents one newsletter subscriber without an account on a bulk page: the address (normalised), the types of its
/// active newsletter rows in the store, and the id of its first row (the page's key)
/// </summary>
public record GuestPageEntry(int NewsletterId, string Email, IReadOnlyCollection<int> NewsletterTypeIds);

/// <summary>
/// Brings a store's existing newsletter subscribers without a customer account (guests who used the newsletter box
/// before the plugin was installed) to iContact after a bulk synchronisation's customer pages (issue 11): reads their
/// newsletter rows page by page by key, judges each address as the live guest path does
/// (<see cref="SubscriptionPlanner.SyncGuestAsync"/>: <see cref="CustomerFacts.Guest"/> through
/// <see cref="RuleEvaluator"/>), leaves out what was delivered to the address as a guest, and queues the rest with the
/// run's id. Also counts, for the preview, the guests a rule would add.
/// </summary>
public class NewsletterGuestSync
{
    #region Fields

    protected readonly CustomerFactsReader _customerFactsReader;
    protected readonly IRepository<Customer> _customerRepository;
    protected readonly IRepository<IcontactGuestPageRow> _guestRowRepository;
    protected readonly IRepository<NewsLetterSubscription> _newsLetterSubscriptionRepository;
    protected readonly IRepository<IcontactSyncRun> _runRepository;
    protected readonly QueueService _queueService;
    protected readonly SubscriberService _subscriberService;

    #endregion

    #region Ctor

    public NewsletterGuestSync(CustomerFactsReader customerFactsReader,
        IRepository<Customer> customerRepository,
        IRepository<IcontactGuestPageRow> guestRowRepository,
        IRepository<NewsLetterSubscription> newsLetterSubscriptionRepository,
        IRepository<IcontactSyncRun> runRepository,
        QueueService queueService,
        SubscriberService subscriberService)
    {
        _customerFactsReader = customerFactsReader;
        _customerRepository = customerRepository;
        _guestRowRepository = guestRowRepository;
        _newsLetterSubscriptionRepository = newsLetterSubscriptionRepository;
        _runRepository = runRepository;
        _queueService = queueService;
        _subscriberService = subscriberService;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Gets the enabled rules a guest can meet: newsletter subscribers (a guest has no roles, orders or account)
    /// </summary>
    protected static List<IcontactRule> GuestRules(IEnumerable<IcontactRule> rules) =>
        rules.Where(rule => rule.Enabled && rule.Trigger == RuleTrigger.NewsletterSubscribers && !string.IsNullOrEmpty(rule.ListId)).ToList();

    /// <summary>
    /// Gets the newsletter types some rules ask for (empty: any type)
    /// </summary>
    protected static List<int> TypesOf(IReadOnlyCollection<IcontactRule> rules) =>
        rules.Any(rule => rule.NewsletterTypeId == 0) ? [] : rules.Select(rule => rule.NewsletterTypeId).Distinct().ToList();

    /// <summary>
    /// Gets the active newsletter rows of a store (every store for 0) of some types (none: any); the query is not run
    /// </summary>
    protected virtual IQueryable<NewsLetterSubscription> ActiveRows(int storeId, List<int> typeIds)
    {
        var anyType = typeIds.Count == 0;
        return _customerFactsReader.NewslettersOfStore(storeId).Where(n => n.Active && (anyType || typeIds.Contains(n.TypeId)));
    }

    /// <summary>
    /// Gets, per address without a (non-deleted) customer account, its first active row of the types in the store; the
    /// query is not run
    /// </summary>
    public virtual IQueryable<NewsLetterSubscription> GuestRows(int storeId, List<int> typeIds)
    {
        var rows = ActiveRows(storeId, typeIds);
        var customers = _customerRepository.Table;
        return rows.Where(n => n.Email != null && n.Email != string.Empty
            && !customers.Any(c => !c.Deleted && c.Email == n.Email)
            && !rows.Any(other => other.Email == n.Email && other.Id < n.Id));
    }

    /// <summary>
    /// Finds a run only while it is still in the state and at the guest position this step found it in (not run here)
    /// </summary>
    protected virtual IQueryable<IcontactSyncRun> StillAt(IcontactSyncRun run, int position)
    {
        var (runId, stateId) = (run.Id, run.StateId);
        return _runRepository.Table.Where(stored => stored.Id == runId && stored.StateId == stateId && stored.LastNewsletterId == position);
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets a value indicating whether a run reads newsletter subscribers without an account after its customers
    /// </summary>
    public static bool Applies(IEnumerable<IcontactRule> rules) => GuestRules(rules).Count > 0;

    /// <summary>
    /// Reads the next page of guests by key (the first row of each address with an id above the last one read,
    /// registered up to the run's start), with the types of each address's active rows, in one query; the page is
    /// empty when the run is no longer where its caller found it
    /// </summary>
    public virtual async Task<IList<GuestPageEntry>> ReadPageAsync(IReadOnlyList<IcontactRule> rules, int storeId, DateTime createdToUtc, int afterNewsletterId,
        IQueryable<IcontactSyncRun> runStillThere)
    {
        var typeIds = TypesOf(GuestRules(rules));
        var page = GuestRows(storeId, typeIds)
            .Where(n => n.Id > afterNewsletterId && n.CreatedOnUtc <= createdToUtc && runStillThere.Any())
            .OrderBy(n => n.Id)
            .Take(IcontactDefaults.BulkPageSize);
        var rows = ActiveRows(storeId, typeIds);

        //one row per page row × active row of the same address: a row or two per address
        var found = await _guestRowRepository.GetAllAsync(_ =>
            from first in page
            from row in rows.Where(other => other.Email == first.Email)
            select new IcontactGuestPageRow { Id = first.Id, Email = first.Email, TypeId = row.TypeId });

        return found
            .GroupBy(row => row.Id)
            .OrderBy(group => group.Key)
            .Select(group => new GuestPageEntry(group.Key, QueueItemFactory.NormalizeEmail(group.First().Email), group.Select(row => row.TypeId).Distinct().ToList()))
            .ToList();
    }

    /// <summary>
    /// Advances a run by one page of guests (the caller checked the run's back-pressure): queues the lists each address
    /// belongs on and was not delivered to as a guest, in one list insert; an empty page moves the run on to delivering.
    /// Four round trips a page: the page checked against the run's stored state and position (one query); the page's
    /// guest records; the insert (two); the new position.
    /// </summary>
    /// <returns>False when another runner moved the run meanwhile</returns>
    public virtual async Task<bool> StepAsync(IcontactSyncRun run, IReadOnlyList<IcontactRule> rules)
    {
        var position = run.LastNewsletterId;
        var page = Applies(rules) ? await ReadPageAsync(rules, run.StoreId, run.CreatedToUtc, position, StillAt(run, position)) : [];
        if (page.Count == 0)
        {
            if ((await _runRepository.GetAllAsync(_ => StillAt(run, position))).Count == 0)
                return false;

            run.State = SyncRunState.Delivering;
            await _runRepository.UpdateAsync(run, false);
            return true;
        }

        var delivered = (await _subscriberService.GetGuestsOfStoreAsync(run.StoreId, page.Select(entry => entry.Email).Distinct().ToList()))
            .GroupBy(record => record.Email)
            .ToDictionary(group => group.Key, group => group.First().GetListIds());

        var items = new List<IcontactQueueItem>();
        foreach (var (_, email, typeIds) in page)
        {
            var targets = RuleEvaluator.Evaluate(rules, CustomerFacts.Guest(email, typeIds));
            var known = delivered.GetValueOrDefault(email) ?? new HashSet<string>();
            var missing = targets.Where(target => !known.Contains(target.ListId)).ToList();
            if (targets.Count == 0)
                run.Skipped++;
            else if (missing.Count == 0)
                run.AlreadySubscribed++;
            items.AddRange(missing.Select(target => QueueItemFactory.SubscribeGuest(run.StoreId, email, target, run.Id)));
        }

        //queued before the position moves: a crash in between repeats the page (its subscribes are idempotent), never skips it
        await _queueService.EnqueuePageAsync(items);
        run.ItemsQueued += items.Count;
        run.State = SyncRunState.ReadingGuests;
        run.LastNewsletterId = page[^1].NewsletterId;
        await _runRepository.UpdateAsync(run, false);
        return true;
    }

    /// <summary>
    /// Counts the guests a rule would add to its list (aggregate queries): addresses without an account with an active
    /// row of the rule's type in the store, when the rule takes a guest at all, not delivered to the list as guests and
    /// not unsubscribed in iContact
    /// </summary>
    public virtual async Task<int> CountAsync(IcontactRule rule, int storeId, ISet<string> unsubscribedInIcontact)
    {
        var rules = GuestRules([rule]);
        if (rules.Count == 0 || !RuleEvaluator.Explain(rule, CustomerFacts.Guest("guest@example.com", [rule.NewsletterTypeId])).Joins)
            return 0;

        var key = "," + rule.ListId + ",";
        var records = _subscriberService.RecordsOfStore(storeId);
        var guests = GuestRows(storeId, TypesOf(rules))
            .Where(n => !records.Any(s => s.CustomerId == 0 && s.Email == n.Email && ("," + s.ListIds + ",").Contains(key)));
        var count = await CountAsync(guests);

        //unsubscribed in iContact: delivery leaves them alone; asked in chunks below database parameter limits
        foreach (var chunk in (unsubscribedInIcontact ?? new HashSet<string>()).Chunk(500))
        {
            var emails = chunk.ToList();
            count -= await CountAsync(guests.Where(n => emails.Contains(n.Email)));
        }

        return count;
    }

    /// <summary>
    /// Counts the rows of a query made from <see cref="GuestRows"/> (one aggregate query)
    /// </summary>
    public virtual async Task<int> CountAsync(IQueryable<NewsLetterSubscription> rows) =>
        (await _newsLetterSubscriptionRepository.GetAllPagedAsync(_ => rows, pageIndex: 0, pageSize: 1, getOnlyTotalCount: true)).TotalCount;

    #endregion
}
