namespace Nop.Plugin.Misc.IContact.Api;

/// <summary>
/// Represents why iContact refused one item of a batch, in the terms a caller decides on
/// </summary>
public enum IcontactRefusalKind
{
    /// <summary>
    /// iContact refused the item and said why (e.g. an invalid address): sending it again unchanged will not help
    /// </summary>
    Invalid,

    /// <summary>
    /// iContact answered "already exists" instead of the contact: the contact can be looked up by email
    /// </summary>
    AlreadyExists,

    /// <summary>
    /// The list the item targets does not exist (any more)
    /// </summary>
    ListNotFound,

    /// <summary>
    /// iContact left the item out without a warning that names it
    /// </summary>
    Unexplained
}

/// <summary>
/// Represents one item iContact refused in a batch
/// </summary>
/// <param name="Item">The item as requested</param>
/// <param name="Kind">Why</param>
/// <param name="Message">iContact's words about it (the warning naming the item, else all warnings), or null when it said nothing</param>
public record IcontactRefusal<T>(T Item, IcontactRefusalKind Kind, string Message);

/// <summary>
/// Represents what iContact did with a batch: the items it accepted, each item it refused, and its warnings as sent
/// </summary>
public record IcontactBatchResult<T>(IReadOnlyList<T> Items, IReadOnlyList<IcontactRefusal<T>> Refused,
    IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// Matches the requested items iContact left out of its answer to the warnings that name them (iContact sends prose, no codes)
    /// </summary>
    /// <param name="requested">The items sent</param>
    /// <param name="items">The items iContact returned</param>
    /// <param name="warnings">Its warnings</param>
    /// <param name="isAccepted">Whether a requested item is among those returned</param>
    /// <param name="names">The words a warning uses to name a requested item (its email; its contact and list ids)</param>
    /// <param name="classify">The kind of a refusal from the warning naming it</param>
    public static IcontactBatchResult<T> Match(IReadOnlyCollection<T> requested, IReadOnlyList<T> items,
        IReadOnlyList<string> warnings, Func<T, bool> isAccepted, Func<T, IEnumerable<string>> names,
        Func<T, string, IcontactRefusalKind> classify)
    {
        var refused = new List<IcontactRefusal<T>>();
        foreach (var item in requested.Where(item => !isAccepted(item)))
        {
            var words = names(item).Where(word => !string.IsNullOrEmpty(word)).ToList();
            var warning = warnings.FirstOrDefault(w => words.Any(word => w.Contains(word, StringComparison.OrdinalIgnoreCase)));
            refused.Add(new IcontactRefusal<T>(item, warning is null ? IcontactRefusalKind.Unexplained : classify(item, warning),
                warning ?? (warnings.Count > 0 ? string.Join(" ", warnings) : null)));
        }

        return new IcontactBatchResult<T>(items, refused, warnings);
    }
}
