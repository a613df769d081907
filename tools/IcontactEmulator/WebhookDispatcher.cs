using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace IcontactEmulator;

/// <summary>
/// Calls hook URLs the way iContact does (a JSON array POSTed to the URL, no signature), off the API request's path,
/// one attempt each with a time-out, and records every call in <see cref="EmulatorState.Deliveries"/>.
/// Safety: only loopback hosts are ever called (no DNS, no proxy, no redirects); any other URL is recorded as refused.
/// </summary>
public sealed class WebhookDispatcher : IAsyncDisposable
{
    private readonly EmulatorState _state;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _inFlight = [];

    public WebhookDispatcher(EmulatorState state, TimeProvider time)
    {
        _state = state;
        _time = time;
        _http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            ConnectCallback = ConnectToLoopbackAsync
        }) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>True when the URL may be called from this machine: http(s) to localhost or a loopback address.</summary>
    public static bool IsCallable(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.IsLoopback;

    /// <summary>
    /// Creates the deliveries for what one API request (or control) changed and starts sending them.
    /// Call with <see cref="EmulatorState.Lock"/> held; nothing here waits for a receiver.
    /// </summary>
    public void Dispatch(IReadOnlyCollection<WebhookEvent> events)
    {
        if (events.Count == 0)
            return;
        var switches = _state.Switches;
        foreach (var hook in _state.Webhooks.Values.OrderBy(w => w.WebhookId))
        {
            var items = events.Where(e => Hears(hook, e, switches)).Select(e => (JsonNode)e.Item.DeepClone()).ToList();
            if (items.Count == 0)
                continue;
            var bodies = switches.WebhookBatch ? [new JsonArray(items.ToArray())] : items.Select(i => new JsonArray(i));
            foreach (var body in bodies)
            {
                var delivery = Record(hook.WebhookId, hook.EventId, hook.Url, body.ToJsonString());
                if (switches.WebhookDelivery == WebhookDeliveryMode.Drop)
                    Complete(delivery, DeliveryRecord.Dropped, null, "dropped: the webhookDelivery switch is Drop");
                else
                    Start(delivery, "application/json", switches.WebhookTimeoutMs);
            }
        }
    }

    /// <summary>Sends one body to one URL now and returns the finished delivery (for POST /_emulator/webhooks/send).</summary>
    public async Task<DeliveryRecord> SendAsync(long? webhookId, string eventId, string url, string body, string contentType)
    {
        DeliveryRecord delivery;
        int timeoutMs;
        lock (_state.Lock)
        {
            delivery = Record(webhookId, eventId, url, body);
            timeoutMs = _state.Switches.WebhookTimeoutMs;
        }
        await PostAsync(delivery, contentType, timeoutMs);
        return delivery;
    }

    private static bool Hears(WebhookRecord hook, WebhookEvent e, EmulatorSwitches switches) =>
        hook.EventId == e.EventId
        && (e.ClientFolderId is null || e.ClientFolderId == hook.ClientFolderId)
        && (!switches.WebhookListFilter || hook.ListId is null || hook.ListId == e.ListId);

    private DeliveryRecord Record(long? webhookId, string eventId, string url, string body)
    {
        var delivery = new DeliveryRecord
        {
            DeliveryId = _state.NextDeliveryId(), WebhookId = webhookId, EventId = eventId, Url = url, Body = body, CreatedAt = Now()
        };
        _state.Deliveries.Add(delivery);
        return delivery;
    }

    private void Start(DeliveryRecord delivery, string contentType, int timeoutMs)
    {
        var task = Task.Run(() => PostAsync(delivery, contentType, timeoutMs));
        lock (_inFlight)
        {
            _inFlight.RemoveAll(t => t.IsCompleted);
            _inFlight.Add(task);
        }
    }

    private async Task PostAsync(DeliveryRecord delivery, string contentType, int timeoutMs)
    {
        if (!IsCallable(delivery.Url))
        {
            lock (_state.Lock)
                Complete(delivery, DeliveryRecord.Refused, null, "refused: the emulator calls only http(s) URLs on localhost or a loopback address");
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        timeout.CancelAfter(timeoutMs);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
            {
                Content = new StringContent(delivery.Body, Encoding.UTF8, contentType)
            };
            using var response = await _http.SendAsync(request, timeout.Token);
            var code = (int)response.StatusCode;
            lock (_state.Lock)
                Complete(delivery, code is >= 200 and < 300 ? DeliveryRecord.Delivered : DeliveryRecord.Failed, code, null);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            var error = _stopping.IsCancellationRequested ? "emulator stopping"
                : timeout.IsCancellationRequested ? $"timed out after {timeoutMs} ms"
                : exception.Message;
            lock (_state.Lock)
                Complete(delivery, DeliveryRecord.Failed, null, error);
        }
    }

    private void Complete(DeliveryRecord delivery, string state, int? statusCode, string? error)
    {
        delivery.State = state;
        delivery.StatusCode = statusCode;
        delivery.Error = error;
        delivery.CompletedAt = Now();
    }

    /// <summary>Connects without DNS and only to loopback: a second guard behind <see cref="IsCallable"/>.</summary>
    private static async ValueTask<Stream> ConnectToLoopbackAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        IPAddress[] addresses = host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            ? [IPAddress.Loopback, IPAddress.IPv6Loopback]
            : IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address) ? [address] : [];
        if (addresses.Length == 0)
            throw new HttpRequestException($"refused: {host} is not a loopback address");

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private string Now() => _time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        Task[] inFlight;
        lock (_inFlight)
            inFlight = [.. _inFlight];
        await Task.WhenAll(inFlight);
        _http.Dispose();
        _stopping.Dispose();
    }
}
