using Nop.Plugin.Misc.IContact.Api;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Keeps delivery from writing to lists iContact no longer has: re-binds a rule whose list was deleted and re-created
/// under the same name, and holds back the items of a rule whose list is gone
/// </summary>
public class StaleListGuard
{
    #region Fields

    protected readonly ErrorDescriber _errorDescriber;
    protected readonly ILogger _logger;
    protected readonly IcontactRuleService _ruleService;
    protected readonly DeliveryQueue _deliveryQueue;
    protected readonly StatusService _statusService;
    protected readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public StaleListGuard(ErrorDescriber errorDescriber,
        ILogger logger,
        IcontactRuleService ruleService,
        DeliveryQueue deliveryQueue,
        StatusService statusService,
        TimeProvider timeProvider)
    {
        _errorDescriber = errorDescriber;
        _logger = logger;
        _ruleService = ruleService;
        _deliveryQueue = deliveryQueue;
        _statusService = statusService;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    protected DateTime UtcNow => _timeProvider.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The stale-list guard: items whose list iContact no longer has are re-pointed to the one list now carrying the
    /// rule's remembered name (the rule is re-bound); without exactly one such list the rule is broken and its items wait
    /// </summary>
    /// <returns>The items that can be delivered now</returns>
    public virtual async Task<List<IcontactQueueItem>> GuardAsync(IcontactStoreConnection connection, List<IcontactQueueItem> items, IReadOnlyList<IcontactList> lists)
    {
        var existing = lists.Select(list => list.ListId).ToHashSet();
        var stale = items.Where(item => item.ListId is not null && !existing.Contains(item.ListId)).ToList();
        if (stale.Count == 0)
            return items;

        var waiting = new List<IcontactQueueItem>();

        foreach (var group in stale.GroupBy(item => item.ListId))
        {
            var oldListId = group.Key;
            var rules = await _ruleService.GetRulesAsync(connection.StoreId);
            var rule = rules.FirstOrDefault(r => r.ListId == oldListId) ?? rules.FirstOrDefault(r => group.Any(item => item.RuleId == r.Id));
            var candidates = rule is null ? [] : lists.Where(list => list.Name == rule.ListName).ToList();

            if (candidates.Count == 1)
            {
                var newListId = candidates[0].ListId;
                await _ruleService.RebindListAsync(connection.StoreId, oldListId, newListId);
                await _deliveryQueue.RetargetAsync(connection.StoreId, oldListId, newListId);
                foreach (var item in group)
                    item.ListId = newListId;

                var notice = await _errorDescriber.TextAsync("Delivery.ListReplaced", rule!.ListName, oldListId, newListId);
                await _statusService.RecordNoticeAsync(connection.StoreId, notice);
                await _logger.WarningAsync($"{IcontactDefaults.SystemName}: {notice}");
            }
            else
            {
                var reason = rule is null
                    ? await _errorDescriber.TextAsync("Delivery.ListGoneNoRule", oldListId)
                    : await _errorDescriber.TextAsync("Delivery.ListGone", rule.ListName, oldListId, candidates.Count);
                waiting.AddRange(group);
                await _deliveryQueue.ReleaseAsync(group, UtcNow.AddMinutes(15), reason);
                await connection.RecordErrorAsync(reason);
            }
        }

        return items.Except(waiting).ToList();
    }

    #endregion
}
