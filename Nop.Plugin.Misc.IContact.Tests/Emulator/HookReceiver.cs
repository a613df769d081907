using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Nop.Plugin.Misc.IContact.Tests.Emulator;

/// <summary>
/// A web hook receiver on a free loopback port: records every POST and answers with <see cref="StatusCode"/>,
/// optionally holding each answer until <see cref="Release"/> is called.
/// </summary>
public sealed class HookReceiver : IAsyncDisposable
{
    public sealed record Call(string Path, string ContentType, string Body);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Call> _calls = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private TaskCompletionSource _gate = Open();

    private HookReceiver(WebApplication app) => _app = app;

    public string RootUrl { get; private set; } = "";
    public int StatusCode { get; set; } = 200;
    public IReadOnlyCollection<Call> Calls => _calls.ToArray();

    public static async Task<HookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new HookReceiver(app);
        app.MapPost("/{**path}", receiver.HandleAsync);
        await app.StartAsync();
        receiver.RootUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return receiver;
    }

    /// <summary>Answers of later calls wait until <see cref="Release"/>.</summary>
    public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate.TrySetResult();

    /// <summary>Waits (bounded) until at least <paramref name="count"/> calls have arrived and returns them.</summary>
    public async Task<Call[]> WaitForCallsAsync(int count, int timeoutSeconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (_calls.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
                Assert.Fail($"the receiver got {_calls.Count} of {count} calls within {timeoutSeconds} s");
        }
        return [.. _calls];
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        _calls.Enqueue(new Call(context.Request.Path.Value ?? "", context.Request.ContentType ?? "", body));
        _arrived.Release();
        await _gate.Task.WaitAsync(context.RequestAborted);
        context.Response.StatusCode = StatusCode;
    }

    private static TaskCompletionSource Open()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
