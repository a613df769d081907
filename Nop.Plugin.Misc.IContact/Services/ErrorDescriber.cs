using Nop.Plugin.Misc.IContact.Api;
using Nop.Services.Localization;

namespace Nop.Plugin.Misc.IContact.Services;

/// <summary>
/// Turns an iContact error into one localized sentence for the store owner: which credential is wrong and what to do
/// </summary>
public class ErrorDescriber
{
    #region Fields

    protected readonly ILocalizationService _localizationService;

    #endregion

    #region Ctor

    public ErrorDescriber(ILocalizationService localizationService)
    {
        _localizationService = localizationService;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets the locale resource key that explains an error kind to a store owner
    /// </summary>
    public static string LocaleKeyOf(IcontactErrorKind kind) => $"{IcontactDefaults.LocalePrefix}.Errors.{kind}";

    /// <summary>
    /// Describes an error
    /// </summary>
    /// <param name="exception">The error</param>
    /// <param name="enteredAppId">The AppID as the owner entered it, to explain a format problem precisely</param>
    /// <returns>A localized message without secrets</returns>
    public virtual async Task<string> DescribeAsync(IcontactApiException exception, string enteredAppId = null)
    {
        var prefix = IcontactDefaults.LocalePrefix;
        if (exception.Kind == IcontactErrorKind.InvalidAppIdFormat)
        {
            var raw = enteredAppId ?? string.Empty;
            var clean = IcontactCredentials.RemoveWhitespace(raw);
            var message = clean.All(char.IsAsciiLetterOrDigit)
                ? string.Format(await _localizationService.GetResourceAsync($"{prefix}.Errors.InvalidAppIdFormat"), clean.Length)
                : await _localizationService.GetResourceAsync($"{prefix}.Errors.InvalidAppIdCharacters");
            if (clean.Length != raw.Length)
                message += " " + await _localizationService.GetResourceAsync($"{prefix}.Errors.AppIdWhitespaceRemoved");
            return message;
        }

        var details = exception.ServerMessages.Count > 0 ? string.Join(" ", exception.ServerMessages) : exception.Message;
        return string.Format(await _localizationService.GetResourceAsync(LocaleKeyOf(exception.Kind)), details);
    }

    /// <summary>
    /// Gets a localized text of the plugin (in the background: the store's default language)
    /// </summary>
    /// <param name="name">Resource name after the plugin prefix, e.g. "Delivery.NotConfigured"</param>
    /// <param name="args">Format arguments</param>
    public virtual Task<string> TextAsync(string name, params object[] args) => ResourceAsync($"{IcontactDefaults.LocalePrefix}.{name}", args);

    /// <summary>
    /// Gets a localized resource by its full key, formatted
    /// </summary>
    /// <param name="key">Resource key, e.g. "Admin.Plugins.Saved"</param>
    /// <param name="args">Format arguments</param>
    public virtual async Task<string> ResourceAsync(string key, params object[] args)
    {
        var text = await _localizationService.GetResourceAsync(key);
        return args.Length > 0 ? string.Format(text, args) : text;
    }

    #endregion
}
