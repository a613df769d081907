namespace Nop.Plugin.Misc.IContact.Infrastructure;

/// <summary>
/// The locale resources plugin version 1.2.0 introduced or reworded (added or updated by the plugin's update from an
/// installed 1.0.0 or 1.1.0)
/// </summary>
public static class IcontactLocales120
{
    /// <summary>
    /// Gets the resources
    /// </summary>
    public static IReadOnlyDictionary<string, string> Resources { get; } = new Dictionary<string, string>
    {
        //the rule editor's product picker (issue 11): the catalog is searched instead of IDs being typed (reworded keys too)
        ["Plugins.Misc.IContact.Rules.Fields.ProductIds.Hint"] = "Order rules only: search the catalog by product name, SKU or ID and pick the products. An order matches when it contains one of the products, categories or manufacturers chosen; none chosen means any order.",
        ["Plugins.Misc.IContact.Rules.ProductSearch.Placeholder"] = "Type a product name, SKU or ID",
        ["Plugins.Misc.IContact.Rules.Product.Deleted"] = "#{0} (deleted from the catalog)",
        ["Plugins.Misc.IContact.Rules.Errors.ProductIds"] = "The catalog no longer has these products: {0}. Remove them from the rule.",

        //the queue grid says whom a change is for
        ["Plugins.Misc.IContact.Queue.Fields.Who"] = "For",
        //reworded: delivered and left-alone changes show their note there too
        ["Plugins.Misc.IContact.Queue.Fields.LastError"] = "Note or last error",
        ["Plugins.Misc.IContact.Queue.Who.Customer"] = "Customer #{0}",
        ["Plugins.Misc.IContact.Queue.Who.Guest"] = "Guest (newsletter subscriber)",
        ["Plugins.Misc.IContact.Queue.Who.Erased"] = "Erased customer",
        ["Plugins.Misc.IContact.Queue.Who.Icontact"] = "iContact web hook",

        //Synchronize and its preview work on one store, as the storefront's changes do
        ["Plugins.Misc.IContact.Sync.ChooseStore"] = "This installation has several stores: choose one with the store configuration selector at the top of the page to preview or synchronize its customers. Each store keeps its own record of what was delivered, as its storefront does.",

        //the web hook's echo of the plugin's own unsubscribe
        ["Plugins.Misc.IContact.Webhooks.Inbound.OwnUnsubscribe"] = "Confirmed by iContact: the plugin's own unsubscribe; nothing to carry over.",
    };
}
