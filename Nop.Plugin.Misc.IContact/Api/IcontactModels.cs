using System.Text.Json.Serialization;

namespace Nop.Plugin.Misc.IContact.Api;

/// <summary>
/// Represents an iContact account (GET /a/)
/// </summary>
public record IcontactAccount
{
    public string AccountId { get; init; }
    public int Enabled { get; init; }
    public string AccountType { get; init; }
    public string CompanyName { get; init; }
    public string Email { get; init; }
    public int MultiClientFolder { get; init; }
}

/// <summary>
/// Represents a client folder (GET /a/{accountId}/c/)
/// </summary>
public record IcontactClientFolder
{
    public string ClientFolderId { get; init; }
    public string EmailRecipient { get; init; }
    public string Name { get; init; }
}

/// <summary>
/// Represents a list
/// </summary>
public record IcontactList
{
    public string ListId { get; init; }
    public string Name { get; init; }
    public string Description { get; init; }
    [JsonPropertyName("publicname")]
    public string PublicName { get; init; }
}

/// <summary>
/// Represents a contact; custom field values travel as top-level keys
/// </summary>
public record IcontactContact
{
    public string ContactId { get; init; }
    public string Email { get; init; }
    public string Prefix { get; init; }
    public string FirstName { get; init; }
    public string LastName { get; init; }
    public string Suffix { get; init; }
    public string Street { get; init; }
    public string Street2 { get; init; }
    public string City { get; init; }
    public string State { get; init; }
    public string PostalCode { get; init; }
    public string Phone { get; init; }
    public string Fax { get; init; }
    public string Business { get; init; }
    public string Status { get; init; }
    public string CreateDate { get; init; }
    public string BounceCount { get; init; }

    /// <summary>
    /// Gets custom field values by private name (read: JsonElement; write: strings)
    /// </summary>
    [JsonExtensionData]
    public Dictionary<string, object> CustomFields { get; init; }
}

/// <summary>
/// Represents a contact's membership of a list; its id is {listId}_{contactId}
/// </summary>
public record IcontactSubscription
{
    public string SubscriptionId { get; init; }
    [JsonConverter(typeof(IcontactJson.IdConverter))]
    public string ContactId { get; init; }
    [JsonConverter(typeof(IcontactJson.IdConverter))]
    public string ListId { get; init; }
    public string Status { get; init; }
    public string AddDate { get; init; }
    [JsonConverter(typeof(IcontactJson.IdConverter))]
    public string ConfirmationMessageId { get; init; }
}

/// <summary>
/// Represents a custom field; its id equals its private name
/// </summary>
public record IcontactCustomField
{
    public string CustomFieldId { get; init; }
    public string PrivateName { get; init; }
    public string PublicName { get; init; }
    public int DisplayToUser { get; init; }
    public string FieldType { get; init; }
}

/// <summary>
/// Represents one page of a collection GET
/// </summary>
/// <typeparam name="T">Item type</typeparam>
public record IcontactPage<T>(IReadOnlyList<T> Items, int Total, IReadOnlyList<string> Warnings);

/// <summary>
/// Represents the place in iContact a plugin works in: credentials, account and client folder
/// </summary>
public record IcontactFolder(IcontactCredentials Credentials, string AccountId, string ClientFolderId)
{
    /// <summary>
    /// Gets the path of the folder below the base URL
    /// </summary>
    public string Path => $"a/{Uri.EscapeDataString(AccountId)}/c/{Uri.EscapeDataString(ClientFolderId)}";

    /// <summary>
    /// Returns a description without secrets
    /// </summary>
    public override string ToString() => $"{Credentials}, account {AccountId}, folder {ClientFolderId}";
}

/// <summary>
/// Represents what credential verification found
/// </summary>
/// <param name="Account">The account the credentials open</param>
/// <param name="ClientFolders">Its client folders</param>
/// <param name="ClientFolderId">The folder chosen: the requested one when it exists, else the first</param>
/// <param name="ListCount">How many lists the chosen folder holds</param>
/// <param name="AppIdWhitespaceRemoved">Whether spaces were removed from the AppID</param>
public record IcontactVerification(IcontactAccount Account, IReadOnlyList<IcontactClientFolder> ClientFolders,
    string ClientFolderId, int ListCount, bool AppIdWhitespaceRemoved);
