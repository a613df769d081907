using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IcontactEmulator;

/// <summary>
/// The iContact emulator as a server: iContact's API under /icp, controls under /_emulator.
/// Tests start it in-process on a free loopback port; Program.cs runs it for people.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() }
    };

    private readonly WebApplication _app;
    private readonly WebhookDispatcher _webhooks;

    private EmulatorServer(WebApplication app, EmulatorOptions options, EmulatorState state, WebhookDispatcher webhooks)
    {
        _app = app;
        _webhooks = webhooks;
        Options = options;
        State = state;
    }

    public EmulatorOptions Options { get; }

    /// <summary>The emulator's data and switches; lock <see cref="EmulatorState.Lock"/> around changes.</summary>
    public EmulatorState State { get; }

    /// <summary>The address to use as the plugin's API base URL, e.g. http://127.0.0.1:5088/icp</summary>
    public string ApiBaseUrl => $"{RootUrl}/icp";

    public string RootUrl { get; private set; } = "";

    /// <summary>
    /// Starts an emulator. Port 0 picks a free port.
    /// </summary>
    public static async Task<EmulatorServer> StartAsync(EmulatorOptions? options = null, TimeProvider? time = null, bool logRequests = false)
    {
        options ??= new EmulatorOptions { Port = 0 };
        var state = new EmulatorState(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://{options.Host}:{options.Port}");
        if (!logRequests)
            builder.Logging.ClearProviders();
        var app = builder.Build();

        var webhooks = new WebhookDispatcher(state, time ?? TimeProvider.System);
        var api = new IcontactApi(state, time ?? TimeProvider.System, webhooks);
        app.Map("/icp/{**path}", api.HandleAsync);
        app.Map("/icp", api.HandleAsync);
        MapControls(app, state, api);
        WebhookControls.Map(app.MapGroup("/_emulator"), state, api, webhooks);

        await app.StartAsync();
        var server = new EmulatorServer(app, options, state, webhooks);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.RootUrl = address.TrimEnd('/');
        return server;
    }

    private static void MapControls(WebApplication app, EmulatorState state, IcontactApi api)
    {
        var controls = app.MapGroup("/_emulator");

        controls.MapGet("/state", () => { lock (state.Lock) return Results.Text(state.Snapshot().ToJsonString(), "application/json"); });

        //counts only: cheap to poll even with 100,000 contacts
        controls.MapGet("/stats", () =>
        {
            lock (state.Lock)
                return Results.Json(new
                {
                    requestCount = state.RequestLog.Count,
                    //"POST contacts": method and resource, whatever the ids in the path
                    byOperation = state.RequestLog
                        .GroupBy(r => OperationOf(r))
                        .ToDictionary(g => g.Key, g => g.Count()),
                    peakRequestsPerHour = state.PeakRequestsPerHour,
                    contacts = state.Contacts.Count,
                    subscriptions = state.Subscriptions.Count
                });
        });

        controls.MapGet("/switches", () => { lock (state.Lock) return Results.Json(state.Switches, JsonOptions); });

        //partial update: only the properties present in the body change
        controls.MapPost("/switches", async (HttpContext context) =>
        {
            var patch = await JsonNode.ParseAsync(context.Request.Body) as JsonObject;
            lock (state.Lock)
            {
                var current = JsonSerializer.SerializeToNode(state.Switches, JsonOptions)!.AsObject();
                foreach (var (key, value) in patch ?? [])
                {
                    var name = current.Select(p => p.Key).FirstOrDefault(k => k.Equals(key, StringComparison.OrdinalIgnoreCase));
                    if (name is null)
                        return Results.BadRequest(new { error = $"unknown switch '{key}'" });
                    current[name] = value?.DeepClone();
                }
                state.Switches = current.Deserialize<EmulatorSwitches>(JsonOptions)!;
                return Results.Json(state.Switches, JsonOptions);
            }
        });

        //"auth revoked": change what the emulator accepts
        controls.MapPost("/credentials", async (HttpContext context) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject ?? [];
            lock (state.Lock)
            {
                state.Username = body["username"]?.GetValue<string>() ?? state.Username;
                state.AppId = body["appId"]?.GetValue<string>() ?? state.AppId;
                state.AppPassword = body["appPassword"]?.GetValue<string>() ?? state.AppPassword;
                return Results.Json(new { state.Username, state.AppId });
            }
        });

        //delete a list and create one with the same name: a new id, as iContact does
        controls.MapPost("/lists/{listId:long}/recreate", (long listId) =>
        {
            lock (state.Lock)
            {
                if (!state.Lists.TryGetValue(listId, out var old))
                    return Results.NotFound();
                state.DeleteList(listId);
                var list = state.AddList(old.Name);
                return Results.Json(new { listId = list.ListId.ToString(), list.Name });
            }
        });

        //double opt-in happens by email in real life; this confirms a pending subscription
        controls.MapPost("/subscriptions/{subscriptionId}/confirm", (string subscriptionId) =>
            api.ConfirmSubscription(subscriptionId) ? Results.Ok() : Results.NotFound());

        controls.MapPost("/folders", async (HttpContext context) =>
        {
            var ids = await JsonSerializer.DeserializeAsync<List<string>>(context.Request.Body) ?? [];
            lock (state.Lock)
            {
                state.ClientFolderIds.Clear();
                state.ClientFolderIds.AddRange(ids);
                return Results.Json(state.ClientFolderIds);
            }
        });

        controls.MapPost("/reset", () => { lock (state.Lock) state.Reset(); return Results.Ok(); });
    }

    /// <summary>"POST /icp/a/1/c/2/contacts/" → "POST contacts"; "GET /icp/a/" → "GET a"</summary>
    private static string OperationOf(string request)
    {
        var parts = request.Split(' ', 2);
        var segments = parts[1].Split('/', StringSplitOptions.RemoveEmptyEntries);
        return $"{parts[0]} {(segments.Length > 5 ? segments[5] : segments.LastOrDefault())}";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _webhooks.DisposeAsync();
        await _app.DisposeAsync();
    }

    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();
}
