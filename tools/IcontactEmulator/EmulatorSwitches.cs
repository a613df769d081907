namespace IcontactEmulator;

/// <summary>How a contact POST treats an email that already exists (iContact's behaviour is reported three ways).</summary>
public enum DuplicateEmailMode
{
    /// <summary>Update only the supplied fields and return the existing contact id.</summary>
    Merge,
    /// <summary>Overwrite the contact: fields not supplied become blank.</summary>
    Blank,
    /// <summary>Leave the contact alone, add a warning and leave it out of the response.</summary>
    Warn
}

/// <summary>What happens to web hook calls the emulator would make.</summary>
public enum WebhookDeliveryMode
{
    /// <summary>POST each event to its hook's URL (loopback hosts only).</summary>
    Send,
    /// <summary>Record each call as dropped and send nothing: iContact's hooks silently stop (test the polling fallback).</summary>
    Drop
}

/// <summary>
/// Fault and behaviour switches, changeable at run time with POST /_emulator/switches (partial JSON) or directly in-process.
/// </summary>
public sealed class EmulatorSwitches
{
    /// <summary>Compare the API-Username header case-sensitively (unverified claim about iContact).</summary>
    public bool UsernameCaseSensitive { get; set; } = true;
    public DuplicateEmailMode DuplicateEmail { get; set; } = DuplicateEmailMode.Merge;
    /// <summary>Without status=..., a contact search returns only contacts on at least one list (the documented behaviour).</summary>
    public bool HideUnlistedContacts { get; set; } = true;
    /// <summary>Delay before every API answer, in milliseconds.</summary>
    public int LatencyMs { get; set; }
    /// <summary>Answer every API request with 503 (maintenance).</summary>
    public bool Outage { get; set; }
    /// <summary>Answer every API request with 500.</summary>
    public bool ForceServerError { get; set; }
    /// <summary>Answer every authenticated request with 402 Payment Required.</summary>
    public bool Unpaid { get; set; }
    /// <summary>Answer every authenticated request with 403 Forbidden.</summary>
    public bool Forbidden { get; set; }
    /// <summary>List the account with "enabled":"0".</summary>
    public bool AccountDisabled { get; set; }
    /// <summary>The AppID is known but not enabled for the user.</summary>
    public bool AppIdDisabled { get; set; }
    /// <summary>Requests allowed per AppID in a rolling hour (iContact: reportedly 10,000).</summary>
    public int RequestsPerHour { get; set; } = 10_000;
    /// <summary>Requests allowed per AppID in a rolling day (iContact: reportedly 70,000).</summary>
    public int RequestsPerDay { get; set; } = 70_000;
    /// <summary>Status code when throttled: 503 (closest documented) or 429.</summary>
    public int ThrottleStatusCode { get; set; } = 503;
    /// <summary>Label JSON answers text/html; charset=utf-8, as the 2012 sandbox did.</summary>
    public bool HtmlContentType { get; set; }
    /// <summary>Write ids as JSON numbers instead of strings.</summary>
    public bool NumericIds { get; set; }

    /// <summary>Refuse the web hooks resource, as iContact does for accounts that may not use it (agency-only per its documentation).</summary>
    public bool WebhooksRefused { get; set; }
    /// <summary>Status of that refusal: 403 (the documented meaning of "not permitted"); 404 or 501 to test other answers.</summary>
    public int WebhooksRefusedStatus { get; set; } = 403;
    /// <summary>Send web hook calls, or drop them.</summary>
    public WebhookDeliveryMode WebhookDelivery { get; set; } = WebhookDeliveryMode.Send;
    /// <summary>How long one web hook call may take before it counts as failed.</summary>
    public int WebhookTimeoutMs { get; set; } = 5_000;
    /// <summary>One call per hook carrying every event of one API request (true), or one call per event.</summary>
    public bool WebhookBatch { get; set; } = true;
    /// <summary>Honour an undocumented listId on a hook (only that list's subscription events); off: ignore it with a warning.</summary>
    public bool WebhookListFilter { get; set; }

    /// <summary>Create custom fields through the API only as text or checkbox (what API clients document); off: number and date too (what the UI offers).</summary>
    public bool ApiFieldTypesTextAndCheckboxOnly { get; set; }
    /// <summary>Ignore, with a warning, a contact's custom value that does not suit its field's type (number: up to 4 decimals; date: MM/DD/YYYY; checkbox: 0/1). iContact documents no such check.</summary>
    public bool CheckCustomFieldValues { get; set; }

    public EmulatorSwitches Clone() => (EmulatorSwitches)MemberwiseClone();
}
