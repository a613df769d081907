using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.IContact.Models;

/// <summary>
/// Represents the queue grid response
/// </summary>
public record QueueListModel : BasePagedListModel<QueueItemModel>;
