namespace IcontactEmulator;

/// <summary>
/// What the emulator accepts and where it listens; bound from configuration section "Emulator"
/// (appsettings.json, environment variables Emulator__Port=..., or --Emulator:Port=...).
/// </summary>
public sealed class EmulatorOptions
{
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 5088;
    public string Username { get; set; } = "store-owner@example.com";
    public string AppId { get; set; } = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    public string AppPassword { get; set; } = "emulator-app-password";
    public string AccountId { get; set; } = "400100";
    public string ClientFolderId { get; set; } = "124667";
}
