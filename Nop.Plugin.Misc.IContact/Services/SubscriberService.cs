using Nop.Data;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Remembers what was delivered per customer: the address iContact knows, its contact id and the plugin's lists. A
/// newsletter subscriber without an account (a guest) has a record with customer id 0, found by store and address.
/// </summary>
public class SubscriberService
{
    #region Fields

    protected readonly IRepository<IcontactSubscriber> _subscriberRepository;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public SubscriberService(IRepository<IcontactSubscriber> subscriberRepository, TimeProvider timeProvider)
    {
        _subscriberRepository = subscriberRepository;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets the record of a customer in a store, or null when nothing was delivered
    /// </summary>
    public virtual async Task<IcontactSubscriber> GetAsync(int customerId, int storeId)
    {
        var found = await _subscriberRepository.GetAllAsync(query => query.Where(s => s.CustomerId == customerId && s.StoreId == storeId));
        return found.FirstOrDefault();
    }

    /// <summary>
    /// Gets the record of a guest (a newsletter subscriber without an account) in a store, or null
    /// </summary>
    /// <param name="storeId">Store identifier</param>
    /// <param name="email">Normalised address</param>
    public virtual async Task<IcontactSubscriber> GetGuestAsync(int storeId, string email)
    {
        var found = await _subscriberRepository.GetAllAsync(query => query.Where(s => s.CustomerId == 0 && s.StoreId == storeId && s.Email == email));
        return found.FirstOrDefault();
    }

    /// <summary>
    /// Gets the guest records (customer id 0) of some addresses in every store
    /// </summary>
    /// <param name="emails">Normalised addresses</param>
    public virtual Task<IList<IcontactSubscriber>> GetGuestsAsync(IList<string> emails) =>
        _subscriberRepository.GetAllAsync(query => query.Where(s => s.CustomerId == 0 && emails.Contains(s.Email)));

    /// <summary>
    /// Gets the guest records (customer id 0) of some addresses in a store
    /// </summary>
    /// <param name="storeId">Store identifier</param>
    /// <param name="emails">Normalised addresses (a List: see <see cref="GetByContactIdsAsync"/>)</param>
    public virtual Task<IList<IcontactSubscriber>> GetGuestsOfStoreAsync(int storeId, List<string> emails) =>
        _subscriberRepository.GetAllAsync(query => query.Where(s => s.CustomerId == 0 && s.StoreId == storeId && emails.Contains(s.Email)));

    /// <summary>
    /// Gets the records of a customer in every store
    /// </summary>
    public virtual Task<IList<IcontactSubscriber>> GetAllAsync(int customerId) =>
        _subscriberRepository.GetAllAsync(query => query.Where(s => s.CustomerId == customerId));

    /// <summary>
    /// Gets the records of customers in a store
    /// </summary>
    public virtual Task<IList<IcontactSubscriber>> GetManyAsync(int storeId, IList<int> customerIds) =>
        _subscriberRepository.GetAllAsync(query => query.Where(s => s.StoreId == storeId && customerIds.Contains(s.CustomerId)));

    /// <summary>
    /// Gets, in one query, the records of some customers and of some guests (customer id 0, by address) in a store
    /// </summary>
    /// <param name="storeId">Store identifier</param>
    /// <param name="customerIds">Customer identifiers</param>
    /// <param name="guestEmails">Normalised addresses of guests (a List: see <see cref="GetByContactIdsAsync"/>)</param>
    public virtual Task<IList<IcontactSubscriber>> GetCustomersAndGuestsAsync(int storeId, List<int> customerIds, List<string> guestEmails) =>
        _subscriberRepository.GetAllAsync(query => query.Where(s => s.StoreId == storeId
            && ((s.CustomerId > 0 && customerIds.Contains(s.CustomerId)) || (s.CustomerId == 0 && guestEmails.Contains(s.Email)))));

    /// <summary>
    /// Gets the records of a store as a query, for counts made together with the platform's tables (not run here)
    /// </summary>
    public virtual IQueryable<IcontactSubscriber> RecordsOfStore(int storeId) =>
        _subscriberRepository.Table.Where(s => s.StoreId == storeId);

    /// <summary>
    /// Gets the records of a store (0: every store, for what the shared configuration of a multi-store install hears
    /// from iContact) with these iContact contact ids
    /// </summary>
    public virtual async Task<IList<IcontactSubscriber>> GetByContactIdsAsync(int storeId, IList<string> contactIds)
    {
        //a list can have many thousands of unsubscribed contacts: ask in chunks that stay below database parameter limits
        var found = new List<IcontactSubscriber>();
        //a List, not the array Chunk gives: C# 14 would bind an array's Contains to a span overload linq2db 5.4.1 cannot translate
        foreach (var chunk in contactIds.Distinct().Chunk(500).Select(ids => ids.ToList()))
            found.AddRange(await _subscriberRepository.GetAllAsync(query => (storeId > 0 ? query.Where(s => s.StoreId == storeId) : query).Where(s => chunk.Contains(s.ContactId))));
        return found;
    }

    /// <summary>
    /// Removes a list from a record (the contact left it in iContact)
    /// </summary>
    public virtual async Task RemoveListAsync(IcontactSubscriber subscriber, string listId)
    {
        var lists = subscriber.GetListIds();
        if (!lists.Remove(listId))
            return;

        subscriber.SetListIds(lists);
        subscriber.UpdatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime;
        await _subscriberRepository.UpdateAsync(subscriber, false);
    }

    /// <summary>
    /// Applies delivered changes to a customer's record (new when null): subscribed lists join, unsubscribed ones leave;
    /// the plugin's own unsubscribes are remembered as removed lists until a subscribe to the list is delivered
    /// </summary>
    /// <returns>The record, and whether it is new</returns>
    protected virtual (IcontactSubscriber Record, bool IsNew) Apply(IcontactSubscriber record, DeliveredChange change)
    {
        var isNew = record is null;
        record ??= new IcontactSubscriber { StoreId = change.StoreId, CustomerId = change.CustomerId, Email = change.Email };
        var unsubscribed = change.UnsubscribedListIds.ToHashSet();

        //an unsubscribe of the old address after an email change must not overwrite the new address
        var current = string.Equals(record.Email, change.Email, StringComparison.OrdinalIgnoreCase);
        var subscribed = change.SubscribedListIds.ToList();
        if (subscribed.Count > 0 || current)
        {
            var lists = current ? record.GetListIds() : new HashSet<string>();
            lists.UnionWith(subscribed);
            lists.ExceptWith(unsubscribed);
            record.SetListIds(lists);
            //another address is another contact: what the plugin took the old one off says nothing about the new one
            var removed = current ? record.GetRemovedListIds() : new HashSet<string>();
            removed.ExceptWith(subscribed);
            removed.UnionWith(change.OwnUnsubscribedListIds ?? []);
            record.SetRemovedListIds(removed);
            record.Email = change.Email;
            record.ContactId = change.ContactId ?? record.ContactId;
            record.FieldsVersion = change.FieldsVersion ?? record.FieldsVersion;
        }

        record.UpdatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime;
        return (record, isNew);
    }

    /// <summary>
    /// Records delivered changes for one customer
    /// </summary>
    /// <param name="storeId">Store identifier</param>
    /// <param name="customerId">Customer identifier</param>
    /// <param name="email">Address the changes were delivered for</param>
    /// <param name="contactId">iContact contact id</param>
    /// <param name="subscribedListIds">Lists the contact was put on</param>
    /// <param name="unsubscribedListIds">Lists the contact was taken off</param>
    public virtual async Task RecordAsync(int storeId, int customerId, string email, string contactId,
        IEnumerable<string> subscribedListIds, IEnumerable<string> unsubscribedListIds)
    {
        if (customerId < 0)
            return;

        var known = customerId > 0 ? await GetAsync(customerId, storeId) : await GetGuestAsync(storeId, email);
        var (record, isNew) = Apply(known, new DeliveredChange(storeId, customerId, email, contactId, subscribedListIds, unsubscribedListIds));
        if (isNew)
            await _subscriberRepository.InsertAsync(record, false);
        else
            await _subscriberRepository.UpdateAsync(record, false);
    }

    /// <summary>
    /// Records the delivered changes of a batch of customers of one store: one read, new records in one list insert
    /// (tried again when it meets a concurrent writer: the provider numbers its rows on the client on MySQL and SQL
    /// Server), changed records updated
    /// </summary>
    public virtual async Task RecordManyAsync(int storeId, IReadOnlyCollection<DeliveredChange> changes)
    {
        var valid = changes.Where(change => change.CustomerId >= 0).ToList();
        if (valid.Count == 0)
            return;

        //customers by id, guests (customer id 0) by address
        static (int, string) KeyOf(int customerId, string email) => (customerId, customerId > 0 ? string.Empty : email);
        var guestEmails = valid.Where(change => change.CustomerId == 0).Select(change => change.Email).Distinct().ToList();
        var existing = (await GetManyAsync(storeId, valid.Select(change => change.CustomerId).Where(id => id > 0).Distinct().ToList()))
            .Concat(guestEmails.Count == 0 ? []
                : await _subscriberRepository.GetAllAsync(query => query.Where(s => s.StoreId == storeId && s.CustomerId == 0 && guestEmails.Contains(s.Email))))
            .GroupBy(s => KeyOf(s.CustomerId, s.Email))
            .ToDictionary(g => g.Key, g => g.First());
        var inserted = new Dictionary<(int, string), IcontactSubscriber>();
        var updated = new Dictionary<(int, string), IcontactSubscriber>();
        foreach (var change in valid)
        {
            var key = KeyOf(change.CustomerId, change.Email);
            var known = existing.GetValueOrDefault(key) ?? inserted.GetValueOrDefault(key);
            var (record, isNew) = Apply(known, change);
            if (isNew)
                inserted[key] = record;
            else if (!inserted.ContainsKey(key))
                updated[key] = record;
        }

        if (updated.Count > 0)
            await _subscriberRepository.UpdateAsync(updated.Values.ToList(), false);
        if (inserted.Count == 0)
            return;

        var rows = inserted.Values.ToList();
        await DatabaseFailure.RetryOnConflictAsync(async () =>
        {
            rows.ForEach(row => row.Id = 0);
            await _subscriberRepository.InsertAsync(rows, false);
        });
    }

    /// <summary>
    /// Remembers that an active customer's address was evaluated and nothing had to be sent, so later customer updates
    /// cost one comparison (a record with no lists)
    /// </summary>
    public virtual async Task MarkEvaluatedAsync(int storeId, int customerId, string email)
    {
        var record = await GetAsync(customerId, storeId);
        if (record is null)
        {
            await _subscriberRepository.InsertAsync(new IcontactSubscriber
            {
                StoreId = storeId, CustomerId = customerId, Email = email, ListIds = string.Empty, UpdatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime
            }, false);
        }
        else if (record.Email != email && record.GetListIds().Count == 0)
        {
            record.Email = email;
            record.UpdatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime;
            await _subscriberRepository.UpdateAsync(record, false);
        }
    }

    /// <summary>
    /// Forgets a customer in a store (contact deleted)
    /// </summary>
    public virtual async Task DeleteAsync(int customerId, int storeId)
    {
        await _subscriberRepository.DeleteAsync(s => s.CustomerId == customerId && s.StoreId == storeId);
    }

    /// <summary>
    /// Forgets every record of a customer or of one of its addresses (erasure)
    /// </summary>
    /// <param name="storeId">Store identifier, or 0 for every store</param>
    /// <param name="customerId">Customer identifier, or 0 to match by address only</param>
    /// <param name="emails">Normalised addresses</param>
    public virtual Task<int> PurgeAsync(int storeId, int customerId, IList<string> emails) =>
        _subscriberRepository.DeleteAsync(s => (storeId == 0 || s.StoreId == storeId) && ((customerId > 0 && s.CustomerId == customerId) || emails.Contains(s.Email)));


    /// <summary>
    /// Moves the records kept under one store id to another (an update's repair of a single-store install whose bulk
    /// runs recorded under the all-stores scope, 0, beside the storefront's records under its store): a record the
    /// target store has for the same customer (a guest: the same address) is merged (<see cref="IcontactSubscriber.Absorb"/>);
    /// the rest change store
    /// </summary>
    /// <returns>The number of records moved or merged</returns>
    public virtual async Task<int> MoveStoreAsync(int fromStoreId, int toStoreId)
    {
        var moving = await _subscriberRepository.GetAllAsync(query => query.Where(s => s.StoreId == fromStoreId));
        if (moving.Count == 0 || fromStoreId == toStoreId)
            return 0;

        var targets = (await _subscriberRepository.GetAllAsync(query => query.Where(s => s.StoreId == toStoreId)))
            .GroupBy(s => s.CustomerId > 0 ? s.CustomerId.ToString() : "0:" + s.Email).ToDictionary(g => g.Key, g => g.First());
        foreach (var record in moving)
        {
            if (!targets.TryGetValue(record.CustomerId > 0 ? record.CustomerId.ToString() : "0:" + record.Email, out var target))
            {
                record.StoreId = toStoreId;
                await _subscriberRepository.UpdateAsync(record, false);
                continue;
            }

            target.Absorb(record);
            await _subscriberRepository.UpdateAsync(target, false);
            await _subscriberRepository.DeleteAsync(record, false);
        }

        return moving.Count;
    }

    #endregion
}
