using IcontactEmulator;
using Nop.Plugin.Misc.IContact.Api;

namespace Nop.Plugin.Misc.IContact.Tests.Support;

/// <summary>
/// Starts one iContact emulator per test class on a free loopback port and resets it before each test
/// </summary>
public abstract class EmulatorTestBase
{
    protected EmulatorServer Emulator { get; private set; }
    protected HttpClient Http { get; private set; }

    /// <summary>
    /// Gets the emulator's clock (null: the system clock)
    /// </summary>
    protected virtual TimeProvider EmulatorClock => null;

    [OneTimeSetUp]
    public async Task StartEmulator()
    {
        Emulator = await EmulatorServer.StartAsync(time: EmulatorClock);
        Http = new HttpClient();
    }

    [OneTimeTearDown]
    public async Task StopEmulator()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }

    [SetUp]
    public void ResetEmulator()
    {
        lock (Emulator.State.Lock)
        {
            Emulator.State.Reset();
            Emulator.State.Username = Emulator.Options.Username;
            Emulator.State.AppId = Emulator.Options.AppId;
            Emulator.State.AppPassword = Emulator.Options.AppPassword;
            Emulator.State.ClientFolderIds.Clear();
            Emulator.State.ClientFolderIds.Add(Emulator.Options.ClientFolderId);
        }
    }

    protected void Switch(Action<EmulatorSwitches> change)
    {
        lock (Emulator.State.Lock)
            change(Emulator.State.Switches);
    }

    protected int RequestCount
    {
        get { lock (Emulator.State.Lock) return Emulator.State.RequestLog.Count; }
    }

    protected IcontactCredentials Credentials(string username = null, string appId = null, string password = null, TimeSpan? timeout = null) =>
        IcontactCredentials.Create(username ?? Emulator.Options.Username, appId ?? Emulator.Options.AppId,
            password ?? Emulator.Options.AppPassword, Emulator.ApiBaseUrl).WithRequestTimeout(timeout ?? TimeSpan.FromSeconds(10));

    protected IcontactFolder Folder(TimeSpan? timeout = null) =>
        new(Credentials(timeout: timeout), Emulator.Options.AccountId, Emulator.Options.ClientFolderId);

    protected IcontactHttpClient Client() => new(new HttpClient());

    /// <summary>
    /// Reads every list of a folder through the plugin's one paging helper
    /// </summary>
    protected static Task<IReadOnlyList<IcontactList>> ReadListsAsync(IcontactHttpClient client, IcontactFolder folder, CancellationToken cancellationToken = default) =>
        IcontactPaging.ToListAsync((offset, token) => client.GetListsPageAsync(folder, offset, cancellationToken: token), cancellationToken);

    /// <summary>
    /// Asserts that a call fails with one kind of error and that nothing secret appears in the exception
    /// </summary>
    protected IcontactApiException FailsWith(IcontactErrorKind kind, AsyncTestDelegate call, params string[] secrets)
    {
        var exception = Assert.ThrowsAsync<IcontactApiException>(call);
        Assert.That(exception!.Kind, Is.EqualTo(kind), exception.Message);
        foreach (var secret in secrets.Append(Emulator.Options.AppPassword).Append(Emulator.Options.AppId))
            Assert.That(exception.ToString(), Does.Not.Contain(secret), "an exception must not carry credentials");
        return exception;
    }
}
