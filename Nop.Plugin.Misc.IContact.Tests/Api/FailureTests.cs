using System.Net;
using System.Net.Sockets;
using Nop.Plugin.Misc.IContact.Api;
using Nop.Plugin.Misc.IContact.Tests.Support;

namespace Nop.Plugin.Misc.IContact.Tests.Api;

/// <summary>
/// iContact slow, down, throttling or broken: the client says so with a retryable kind and never loops
/// </summary>
public class FailureTests : EmulatorTestBase
{
    [Test]
    public void An_outage_is_unavailable_and_transient()
    {
        Switch(s => s.Outage = true);

        var exception = FailsWith(IcontactErrorKind.Unavailable, () => ReadListsAsync(Client(), Folder()));

        Assert.That(exception.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(exception.IsTransient, Is.True);
        Assert.That(RequestCount, Is.EqualTo(1), "the client must not retry on its own");
    }

    [Test]
    public async Task Throttling_with_503_is_recognised_as_throttling()
    {
        Switch(s => s.RequestsPerHour = 2);
        await ReadListsAsync(Client(), Folder());
        await ReadListsAsync(Client(), Folder());

        var exception = FailsWith(IcontactErrorKind.Throttled, () => ReadListsAsync(Client(), Folder()));

        Assert.That(exception.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(exception.IsTransient, Is.True);
    }

    [Test]
    public async Task Throttling_with_429_is_recognised_as_throttling()
    {
        Switch(s => { s.RequestsPerDay = 1; s.ThrottleStatusCode = 429; });
        await ReadListsAsync(Client(), Folder());

        var exception = FailsWith(IcontactErrorKind.Throttled, () => ReadListsAsync(Client(), Folder()));

        Assert.That(exception.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public void A_server_error_is_transient()
    {
        Switch(s => s.ForceServerError = true);

        Assert.That(FailsWith(IcontactErrorKind.Transient, () => ReadListsAsync(Client(), Folder())).IsTransient, Is.True);
    }

    [Test]
    public void A_slow_answer_times_out_as_transient()
    {
        Switch(s => s.LatencyMs = 2_000);

        var exception = FailsWith(IcontactErrorKind.Transient, () => ReadListsAsync(Client(), Folder(TimeSpan.FromMilliseconds(200))));

        Assert.That(exception.Message, Does.Contain("did not answer"));
    }

    [Test]
    public void The_callers_cancellation_is_not_turned_into_an_error()
    {
        Switch(s => s.LatencyMs = 2_000);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Assert.That(async () => await ReadListsAsync(Client(), Folder(), cancellation.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void A_refused_connection_is_transient()
    {
        //a port nobody listens on
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var credentials = IcontactCredentials.Create(Emulator.Options.Username, Emulator.Options.AppId, Emulator.Options.AppPassword, $"http://127.0.0.1:{port}/icp");

        var exception = FailsWith(IcontactErrorKind.Transient, () => Client().GetAccountsAsync(credentials));

        Assert.That(exception.Message, Does.Contain("could not be reached"));
    }

    [Test]
    public void An_unknown_account_is_not_found()
    {
        var folder = Folder() with { AccountId = "999" };

        FailsWith(IcontactErrorKind.NotFound, () => ReadListsAsync(Client(), folder));
    }
}
