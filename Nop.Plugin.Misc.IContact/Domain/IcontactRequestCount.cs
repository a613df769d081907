using Nop.Core;

namespace Nop.Plugin.Misc.IContact.Domain;

/// <summary>
/// Represents how many iContact requests a budget scope made in one minute or one hour; shared by every node of a web farm
/// </summary>
public class IcontactRequestCount : BaseEntity
{
    /// <summary>
    /// Gets or sets the store whose budget counts (0 = the stores that share the AppID of the settings for all stores)
    /// </summary>
    public int StoreId { get; set; }

    /// <summary>
    /// Gets or sets the length of the bucket in minutes: 1 (the hourly limit) or 60 (the daily limit)
    /// </summary>
    public int BucketMinutes { get; set; }

    /// <summary>
    /// Gets or sets the bucket: its start in <see cref="BucketMinutes"/> since the Unix epoch
    /// </summary>
    public long Bucket { get; set; }

    /// <summary>
    /// Gets or sets the number of requests
    /// </summary>
    public int Count { get; set; }
}
