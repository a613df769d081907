using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.IContact.Services;

namespace Nop.Plugin.Misc.IContact.Controllers;

/// <summary>
/// The public receiver iContact's web hooks call. A plain controller (not the public-store base controller, whose
/// filters expect a shopper), no admin authorisation, no antiforgery token (iContact cannot send one): the secret in
/// the URL identifies the store, and nothing in the body is trusted
/// </summary>
[IgnoreAntiforgeryToken]
public class IcontactWebhookController : Controller
{
    #region Fields

    protected readonly InboundChangeService _inboundChangeService;

    #endregion

    #region Ctor

    public IcontactWebhookController(InboundChangeService inboundChangeService)
    {
        _inboundChangeService = inboundChangeService;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Reads the body up to the limit; null when it is longer
    /// </summary>
    protected virtual async Task<string> ReadBoundedBodyAsync(int maxBytes)
    {
        if (Request.ContentLength > maxBytes)
            return null;

        var buffer = new byte[maxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await Request.Body.ReadAsync(buffer.AsMemory(length), HttpContext.RequestAborted)) > 0)
            length += read;
        return length > maxBytes ? null : Encoding.UTF8.GetString(buffer, 0, length);
    }

    #endregion

    #region Methods

    /// <summary>
    /// Receives a hook call: 404 for an unknown store or secret, 415 for a body that is not JSON, 413 above the size
    /// limit, 400 for malformed JSON, otherwise the reported changes are recorded for confirmation and 200 answers at once
    /// </summary>
    [HttpPost]
    public virtual async Task<IActionResult> Receive(int storeId, string secret)
    {
        if (Request.ContentType is not { } contentType || !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
            return StatusCode(StatusCodes.Status415UnsupportedMediaType);

        var body = await ReadBoundedBodyAsync(IcontactDefaults.WebhookMaxBodyBytes);
        if (body is null)
            return StatusCode(StatusCodes.Status413PayloadTooLarge);

        return await _inboundChangeService.ReceiveAsync(storeId, secret, body) switch
        {
            InboundReceipt.UnknownSecret => NotFound(),
            InboundReceipt.Malformed => BadRequest(),
            _ => Ok()
        };
    }

    #endregion
}
