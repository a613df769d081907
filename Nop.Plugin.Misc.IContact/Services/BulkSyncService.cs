using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Services.Configuration;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Brings a store's existing customers to iContact under the rules: reads customers page by page (never all in memory),
/// queues their changes with the run's id (the same queue and delivery as live events, so limits, retries and the
/// stale-list guard apply unchanged; delivery leaves alone anyone unsubscribed in iContact), and persists its place so
/// a restart resumes it. Also previews a run and explains the rules for one customer.
/// </summary>
public class BulkSyncService
{
    #region Fields

    protected readonly ContactSnapshotBuilder _contactSnapshotBuilder;
    protected readonly CustomerFactsReader _customerFactsReader;
    protected readonly IcontactLeaseService _leaseService;
    protected readonly IcontactRuleService _ruleService;
    protected readonly NewsletterGuestSync _newsletterGuestSync;
    protected readonly OrderStatisticsReader _orderStatisticsReader;
    protected readonly PurchaseReader _purchaseReader;
    protected readonly IRepository<IcontactSyncRun> _runRepository;
    protected readonly ISettingService _settingService;
    protected readonly QueueAdminService _queueAdminService;
    protected readonly QueueService _queueService;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public BulkSyncService(ContactSnapshotBuilder contactSnapshotBuilder,
        CustomerFactsReader customerFactsReader,
        IcontactLeaseService leaseService,
        IcontactRuleService ruleService,
        NewsletterGuestSync newsletterGuestSync,
        OrderStatisticsReader orderStatisticsReader,
        PurchaseReader purchaseReader,
        IRepository<IcontactSyncRun> runRepository,
        ISettingService settingService,
        QueueAdminService queueAdminService,
        QueueService queueService,
        TimeProvider timeProvider)
    {
        _contactSnapshotBuilder = contactSnapshotBuilder;
        _customerFactsReader = customerFactsReader;
        _leaseService = leaseService;
        _ruleService = ruleService;
        _newsletterGuestSync = newsletterGuestSync;
        _orderStatisticsReader = orderStatisticsReader;
        _purchaseReader = purchaseReader;
        _runRepository = runRepository;
        _settingService = settingService;
        _queueAdminService = queueAdminService;
        _queueService = queueService;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Utilities

    protected DateTime UtcNow => _timeProvider.GetUtcNow().UtcDateTime;

    protected virtual async Task<(IcontactSettings Settings, IReadOnlyList<IcontactRule> Rules)> RulesAsync(int storeId)
    {
        var settings = await _settingService.LoadSettingAsync<IcontactSettings>(storeId);
        return (settings, await _ruleService.GetRulesAsync(storeId));
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets the store's current run (running or delivering), or null
    /// </summary>
    public virtual async Task<IcontactSyncRun> GetActiveRunAsync(int storeId)
    {
        var completed = (int)SyncRunState.Completed;
        var runs = await _runRepository.GetAllAsync(query => query.Where(run => run.StoreId == storeId && run.StateId != completed).OrderByDescending(run => run.Id));
        return runs.FirstOrDefault();
    }

    /// <summary>
    /// Gets the store's latest run, or null
    /// </summary>
    public virtual async Task<IcontactSyncRun> GetLatestRunAsync(int storeId)
    {
        var runs = await _runRepository.GetAllAsync(query => query.Where(run => run.StoreId == storeId).OrderByDescending(run => run.Id).Take(1));
        return runs.FirstOrDefault();
    }

    /// <summary>
    /// Starts a run for a store (or returns the one under way); the work happens in the background
    /// </summary>
    public virtual async Task<IcontactSyncRun> StartAsync(int storeId)
    {
        var active = await GetActiveRunAsync(storeId);
        if (active is not null)
            return active;

        var (_, rules) = await RulesAsync(storeId);
        var now = UtcNow;
        var run = new IcontactSyncRun
        {
            StoreId = storeId,
            State = SyncRunState.Running,
            StartedOnUtc = now,
            CreatedToUtc = now,
            TotalCustomers = CustomerFactsReader.AudienceOf(rules) is { } audience ? await _customerFactsReader.CountAsync(_customerFactsReader.CustomersInRoles(audience, now)) : 0
        };
        await _runRepository.InsertAsync(run, false);
        return run;
    }

    /// <summary>
    /// Finds a run only while its stored state and position are still where this step found them: a second runner of the
    /// same step (one that read the run before the first runner's lease was given back) finds it moved and gives the
    /// page up. The query is not run here; the page query carries it.
    /// </summary>
    protected virtual IQueryable<IcontactSyncRun> StillAt(IcontactSyncRun run, int position)
    {
        var (runId, stateId) = (run.Id, run.StateId);
        return _runRepository.Table.Where(stored => stored.Id == runId && stored.LastCustomerId == position && stored.StateId == stateId);
    }

    protected virtual async Task<bool> StillAtAsync(IcontactSyncRun run, int position) =>
        (await _runRepository.GetAllAsync(_ => StillAt(run, position))).Count > 0;

    //steps of one run take its lease, and the page query checked the position
    protected virtual Task AdvanceAsync(IcontactSyncRun run) => _runRepository.UpdateAsync(run, false);

    /// <summary>
    /// Advances a run by one page of customers, unless the queue still holds two batches of its changes (so the
    /// queue, and memory, stay small however many customers the store has). Five round trips a page: the count of the
    /// run's waiting changes; the page by key with the customers' roles, newsletter rows and subscriber records, checked
    /// against the run's stored position (one query); the page's changes in one list insert (the platform reads the ids
    /// first: two); the new position. After the customers, newsletter subscribers without an account (NewsletterGuestSync).
    /// </summary>
    /// <returns>True when the step did something (read a page or moved the run on); false while it only waits</returns>
    public virtual async Task<bool> StepAsync(IcontactSyncRun run)
    {
        var (settings, rules) = await RulesAsync(run.StoreId);
        var roles = CustomerFactsReader.RolesOf(rules);
        var audience = CustomerFactsReader.AudienceOf(rules);
        var waiting = await _queueAdminService.CountWaitingForRunAsync(run.Id);
        var guests = NewsletterGuestSync.Applies(rules);

        if (run.State == SyncRunState.Delivering || audience is null)
        {
            if (waiting > 0)
                return false;

            run.State = SyncRunState.Completed;
            run.CompletedOnUtc = UtcNow;
            await _runRepository.UpdateAsync(run, false);
            return true;
        }

        if (waiting >= 2 * Math.Clamp(settings.BatchSize, 1, 1000))
            return false;

        //after the customers, newsletter subscribers without an account (issue 11)
        if (run.State == SyncRunState.ReadingGuests)
            return await _newsletterGuestSync.StepAsync(run, rules);

        var position = run.LastCustomerId;
        var withNewsletters = rules.Any(rule => rule.Enabled && rule.NeedsNewsletters);
        var page = await _customerFactsReader.ReadPageAsync(audience, roles, run.CreatedToUtc, position, run.StoreId, withNewsletters, StillAt(run, position));
        if (page.Count == 0)
        {
            if (!await StillAtAsync(run, position))
                return false;

            run.State = guests ? SyncRunState.ReadingGuests : SyncRunState.Delivering;
            await AdvanceAsync(run);
            return true;
        }

        //what the page's customers ordered and bought, one query each, only when a rule or a field mapping asks (issue 11)
        var ids = page.Select(entry => entry.Customer.Id).ToList();
        var orders = rules.Any(rule => rule.Enabled && rule.NeedsOrders) ? await _orderStatisticsReader.GetManyAsync(ids, run.StoreId) : null;
        var purchases = PurchaseReader.Needed(rules) ? await _purchaseReader.GetManyAsync(ids, run.StoreId, rules) : null;
        var (fields, snapshotOf) = await _contactSnapshotBuilder.ForPageAsync(page.Select(entry => entry.Customer).ToList(), run.StoreId, settings, orders);
        var now = UtcNow;

        var items = new List<IcontactQueueItem>();
        foreach (var (customer, roleIds, newsletterTypeIds, subscriber) in page)
        {
            run.CustomersRead++;
            if (!customer.Active || string.IsNullOrWhiteSpace(customer.Email))
            {
                run.Skipped++;
                continue;
            }

            var facts = new CustomerFacts(customer.Email, customer.Active, roleIds, newsletterTypeIds, orders?.GetValueOrDefault(customer.Id))
            {
                Purchases = purchases?.GetValueOrDefault(customer.Id) ?? PurchaseFacts.None,
                AsOfUtc = now
            };
            var targets = RuleEvaluator.Evaluate(rules, facts);
            var email = QueueItemFactory.NormalizeEmail(customer.Email);
            var known = subscriber is not null && subscriber.Email == email ? subscriber.GetListIds() : new HashSet<string>();
            var missing = targets.Where(target => !known.Contains(target.ListId)).ToList();

            if (targets.Count == 0)
                run.Skipped++;
            else if (missing.Count == 0)
                run.AlreadySubscribed++;

            if (missing.Count > 0)
                items.AddRange(missing.Select(target => QueueItemFactory.Subscribe(run.StoreId, customer, target, snapshotOf(customer), run.Id)));
            else if (targets.Count > 0 && FieldMappingService.SentUnderOtherMappings(subscriber, fields, settings))
                items.Add(QueueItemFactory.UpdateContact(run.StoreId, customer, snapshotOf(customer), run.Id));
        }

        //queued before the position moves: a crash in between repeats the page (its subscribes are idempotent), never skips it
        await _queueService.EnqueuePageAsync(items);
        run.ItemsQueued += items.Count;
        run.NextPageIndex++;
        run.LastCustomerId = page[^1].Customer.Id;
        await AdvanceAsync(run);
        return true;
    }

    /// <summary>
    /// Advances every store's run by a step (called by the background worker and the schedule task)
    /// </summary>
    /// <returns>True when any run did something</returns>
    public virtual async Task<bool> StepAllAsync()
    {
        //changes the database refused on a shopper's request, remembered by this process
        await _queueService.EnqueueRememberedAsync();

        var completed = (int)SyncRunState.Completed;
        var runs = await _runRepository.GetAllAsync(query => query.Where(run => run.StateId != completed));
        var more = false;
        foreach (var run in runs)
        {
            //one runner per run at a time across the worker, the task and other nodes (the step's own position check
            //still refuses a run object that another runner advanced before this one took the lease)
            var stepped = false;
            await _leaseService.RunExclusiveAsync($"{IcontactDefaults.SystemName}.Bulk.{run.Id}", IcontactDefaults.BulkStepLease,
                async () => stepped = await StepAsync(run));
            more |= stepped;
        }

        return more;
    }

    /// <summary>
    /// Gets the progress of a run
    /// </summary>
    public virtual async Task<SyncProgress> GetProgressAsync(IcontactSyncRun run) =>
        SyncProgress.Of(run, await _queueAdminService.CountForRunAsync(run.Id, QueueItemState.Failed),
            await _queueAdminService.CountForRunAsync(run.Id, QueueItemState.LeftAlone), await _queueAdminService.CountWaitingForRunAsync(run.Id), UtcNow);

    /// <summary>
    /// Moves the bulk runs from one store id to another (an update's repair of a single-store install: see
    /// <see cref="StoreScopeUpgrade"/>); a run under way goes on under the new id
    /// </summary>
    public virtual async Task MoveStoreAsync(int fromStoreId, int toStoreId)
    {
        var runs = await _runRepository.GetAllAsync(query => query.Where(run => run.StoreId == fromStoreId && fromStoreId != toStoreId));
        foreach (var run in runs)
            run.StoreId = toStoreId;
        await _runRepository.UpdateAsync(runs, false);
    }

    #endregion
}
