using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Plugin.Misc.IContact;
using Nop.Plugin.Misc.IContact.Api;
using Nop.Plugin.Misc.IContact.Bench;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;
using Nop.Plugin.Misc.IContact.Tests.Support;

//dotnet run -c Release --project bench/Nop.Plugin.Misc.IContact.Bench [-- --customers 100000 --naive 500]
//dotnet run -c Release --project bench/Nop.Plugin.Misc.IContact.Bench -- --postgres [--customers 100000 --pages 3]
//dotnet run -c Release --project bench/Nop.Plugin.Misc.IContact.Bench -- --postgres --fields [--customers 100000 --orders 500000]
//dotnet run -c Release --project bench/Nop.Plugin.Misc.IContact.Bench -- --orders (scenario 1b alone)
var customersInBulk = ArgInt("--customers", 100_000);
var naiveSample = ArgInt("--naive", 500);
var registrations = ArgInt("--registrations", 1_000);
var widths = new[] { 46, 44, 14, 28, 10 };

await using var emulator = await EmulatorProcess.StartAsync();
var rows = new List<(string Scenario, string Measure, string Ours, string Baseline, string Ratio)>();
Console.WriteLine($"iContact emulator at {emulator.ApiBaseUrl} (child process); .NET {Environment.Version}, {Environment.ProcessorCount} cores");

if (args.Contains("--postgres") && args.Contains("--fields"))
{
    PrintTable(await FieldMappingBench.RunAsync(emulator, customersInBulk, ArgInt("--orders", 5 * customersInBulk)));
    return 0;
}

if (args.Contains("--postgres"))
{
    PrintTable(await PostgresBench.RunAsync(emulator, customersInBulk, ArgInt("--pages", 3)));
    return 0;
}

//--orders: scenario 1b alone
var ordersOnly = args.Contains("--orders");
var BackgroundOrders = ArgInt("--background-orders", 5_000);

//handler timings leave out the first calls, which compile (JIT) the code path: the percentiles describe a running store
const int Warmup = 20;

//1. registration path: time inside the registration event handler, iContact answering in 2 s
if (!ordersOnly)
{
    var bench = await Bench.CreateAsync(emulator, latencyMs: 2_000, lists: ["Customers"], consentList: false);
    var ours = new List<double>();
    for (var i = -Warmup; i < 300; i++)
    {
        var customer = bench.NewCustomer($"reg{i}@example.com", consent: false);
        var watch = Stopwatch.StartNew();
        await bench.Consumer().HandleEventAsync(new CustomerRegisteredEvent(customer));
        if (i >= 0)
            ours.Add(watch.Elapsed.TotalMilliseconds);
    }

    //the baseline calls iContact inside the handler, as nopCommerce's Brevo plugin does with its API
    var inline = new List<double>();
    var client = bench.Client();
    for (var i = 0; i < 10; i++)
    {
        var email = $"inline{i}@example.com";
        var watch = Stopwatch.StartNew();
        var contact = (await client.UpsertContactsAsync(bench.Folder, [new IcontactContact { Email = email, FirstName = "Inline" }])).Items.Single();
        await client.SubscribeAsync(bench.Folder, [new IcontactSubscription { ContactId = contact.ContactId, ListId = bench.ListIds[0], Status = "normal" }]);
        inline.Add(watch.Elapsed.TotalMilliseconds);
    }

    rows.Add(("1 registration handler (iContact 2 s)", "p50 ms", F(P(ours, 50)), F(P(inline, 50)), Ratio(P(inline, 50), P(ours, 50))));
    rows.Add(("", "p99 ms", F(P(ours, 99)), F(P(inline, 99)), Ratio(P(inline, 99), P(ours, 99))));
    rows.Add(("", "samples", ours.Count.ToString(), inline.Count.ToString(), ""));
}

//1b. order placement path with 50 rules (issue 11): time inside the order event handlers of one checkout (placed, status
//changed, paid: nopCommerce publishes all three in the shopper's request), iContact answering in 2 s
{
    var bench = await Bench.CreateAsync(emulator, latencyMs: 2_000, lists: ["Customers"], consentList: false);
    var rules = Enumerable.Range(0, 50).Select(i => (i % 5) switch
    {
        0 => new IcontactRule { Trigger = RuleTrigger.OrderPlaced, CategoryIds = [i % 20 + 1], ListId = $"9{i:000}", ListName = $"Category {i}" },
        1 => new IcontactRule { Trigger = RuleTrigger.OrderPaid, MinTotalSpent = 50 * i, ListId = $"9{i:000}", ListName = $"Spent {i}" },
        2 => new IcontactRule { Trigger = RuleTrigger.OrderPlaced, MinOrderCount = i % 4 + 1, ProductIds = [i + 1], ListId = $"9{i:000}", ListName = $"Count {i}" },
        3 => new IcontactRule { CustomerRoleIds = [3], LapsedDays = 90 + i, ListId = $"9{i:000}", ListName = $"Lapsed {i}", WhenNoLongerMatching = RuleRemoval.Unsubscribe },
        _ => new IcontactRule { Trigger = RuleTrigger.OrderPaid, ManufacturerIds = [i % 7 + 1], ListId = $"9{i:000}", ListName = $"Brand {i}" }
    }).Prepend(new IcontactRule { CustomerRoleIds = [3], ListId = bench.ListIds[0], ListName = "Customers" }).ToList();
    bench.UseRules(rules);
    //the catalog: 200 products in 20 categories; 5,000 earlier orders of other customers in the store
    for (var product = 1; product <= 200; product++)
        await bench.OrderIndex.AddCategoryAsync(product, product % 20 + 1);
    for (var order = 0; order < BackgroundOrders; order++)
        await bench.AddOrderAsync(customerId: 1_000_000 + order % 1_000, total: 40m, productId: order % 200 + 1, daysAgo: order % 400);

    var placed = new List<double>();
    var checkout = new List<double>();
    for (var i = -Warmup; i < 300; i++)
    {
        var customer = bench.NewCustomer($"buyer{i}@example.com", consent: false);
        for (var earlier = 0; earlier < i % 4; earlier++)
            await bench.AddOrderAsync(customer.Id, 80m, productId: (i + earlier) % 200 + 1, daysAgo: 100 + earlier);
        var order = await bench.AddOrderAsync(customer.Id, 120m, productId: i % 200 + 1, daysAgo: 0);
        var consumer = bench.Consumer();
        var watch = Stopwatch.StartNew();
        await consumer.HandleEventAsync(new Nop.Core.Domain.Orders.OrderPlacedEvent(order));
        var placedMs = watch.Elapsed.TotalMilliseconds;
        await consumer.HandleEventAsync(new Nop.Core.Domain.Orders.OrderStatusChangedEvent(order, Nop.Core.Domain.Orders.OrderStatus.Pending));
        await consumer.HandleEventAsync(new Nop.Core.Domain.Orders.OrderPaidEvent(order));
        if (i < 0)
            continue;
        placed.Add(placedMs);
        checkout.Add(watch.Elapsed.TotalMilliseconds);
    }

    rows.Add(("1b order placed handler, 50 rules", "p50 ms", F(P(placed, 50)), "", ""));
    rows.Add(("", "p99 ms", F(P(placed, 99)), "", ""));
    rows.Add(("   placed + status + paid handlers", "p50 ms", F(P(checkout, 50)), "", ""));
    rows.Add(("", "p99 ms", F(P(checkout, 99)), "", ""));
    rows.Add(("", "samples", placed.Count.ToString(), "", ""));
}

//2. bulk synchronisation of existing customers: on in-memory fakes the database is free, so it is measured on a real
//PostgreSQL instead (--postgres, scenario 4)
if (!ordersOnly)
    rows.Add(("2 bulk sync", "see --postgres (scenario 4)", "", "", ""));

//3. registration → subscribed with a healthy iContact (20 ms per request), through the background worker
if (!ordersOnly)
{
    var bench = await Bench.CreateAsync(emulator, latencyMs: 20, lists: ["Customers"], consentList: false);
    var worker = new DeliveryWorker(bench.Signal, bench.Provider.GetRequiredService<IServiceScopeFactory>());
    await worker.StartAsync(CancellationToken.None);

    var latencies = new List<double>();
    for (var i = 0; i < registrations; i++)
    {
        var customer = bench.NewCustomer($"live{i}@example.com", consent: false);
        var watch = Stopwatch.StartNew();
        await bench.Consumer().HandleEventAsync(new CustomerRegisteredEvent(customer));
        while (!bench.Subscribers.ByCustomer.ContainsKey((0, customer.Id)))
            await Task.Delay(1);
        latencies.Add(watch.Elapsed.TotalMilliseconds);
        await bench.Resolve<QueueAdminService>().PurgeDeliveredAsync(DateTime.UtcNow.AddDays(1));
    }
    await worker.StopAsync(CancellationToken.None);

    rows.Add(("3 registration → subscribed (20 ms)", "p50 ms", F(P(latencies, 50)), "", ""));
    rows.Add(("", "p95 ms", F(P(latencies, 95)), "", ""));
    rows.Add(("", "samples", latencies.Count.ToString(), "", ""));
}

PrintTable(rows);
return 0;

void PrintTable(List<(string Scenario, string Measure, string Ours, string Baseline, string Ratio)> table)
{
    string Row(params string[] cells) => string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i])));
    Console.WriteLine();
    Console.WriteLine(Row("scenario", "measure", "plugin", "baseline", "ratio"));
    Console.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
    foreach (var r in table)
        Console.WriteLine(Row(r.Scenario, r.Measure, r.Ours, r.Baseline, r.Ratio));
}

static double P(List<double> values, double percentile)
{
    var sorted = values.OrderBy(v => v).ToList();
    var index = (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1;
    return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
}

static string F(double value) => value < 10 ? value.ToString("N3") : value.ToString("N0");
static string Ratio(double baseline, double ours) => ours <= 0 ? "" : $"{baseline / ours:N0}x";

int ArgInt(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
}

namespace Nop.Plugin.Misc.IContact.Bench
{
    /// <summary>
    /// The plugin's services around an in-memory store, pointed at the emulator
    /// </summary>
    public sealed class Bench
    {
        private static readonly SocketsHttpHandler Handler = new() { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        private int _nextId = 1;

        public FakeStore Store { get; } = new();
        public InMemoryRepository<IcontactQueueItem> Queue { get; } = new();
        public IndexedSubscriberRepository Subscribers { get; } = new();
        public InMemoryRepository<IcontactStoreStatus> Statuses { get; } = new();
        public InMemoryRepository<IcontactSyncRun> Runs { get; } = new();
        public InMemoryRepository<IcontactRuleRecord> RuleRows { get; } = new();
        public OrderIndex OrderIndex { get; } = new();
        private ServiceProvider _provider;

        /// <summary>
        /// The plugin's object graph as NopStartup describes it, over the fake store
        /// </summary>
        public ServiceProvider Provider => _provider ??= BuildProvider();

        private ServiceProvider BuildProvider()
        {
            var services = new ServiceCollection();
            foreach (var platform in new[] { typeof(Nop.Services.Customers.ICustomerService), typeof(Nop.Services.Messages.INewsLetterSubscriptionService),
                typeof(Nop.Services.Configuration.ISettingService), typeof(Nop.Core.IStoreContext), typeof(Nop.Services.Stores.IStoreService), typeof(Nop.Services.Logging.ILogger),
                typeof(Nop.Services.Security.IEncryptionService), typeof(Nop.Services.Localization.ILocalizationService) })
                services.AddSingleton(platform, Store);
            services.AddSingleton<Nop.Core.Caching.IStaticCacheManager>(new MemoryStaticCacheManager(TimeProvider.System));
            services.AddSingleton<Nop.Data.IRepository<IcontactQueueItem>>(Queue);
            services.AddSingleton<Nop.Data.IRepository<IcontactSubscriber>>(Subscribers);
            services.AddSingleton<Nop.Data.IRepository<IcontactStoreStatus>>(Statuses);
            services.AddSingleton<Nop.Data.IRepository<IcontactSyncRun>>(Runs);
            services.AddSingleton<Nop.Data.IRepository<IcontactRequestCount>>(new InMemoryRepository<IcontactRequestCount>());
            services.AddSingleton<Nop.Data.IRepository<IcontactRuleRecord>>(RuleRows);
            //the platform's tables over the fake store's rows (the bulk path's set-based reads: measured on PostgreSQL, --postgres)
            services.AddSingleton<Nop.Data.IRepository<Customer>>(new ViewRepository<Customer>(() => Store.Customers.Values));
            services.AddSingleton<Nop.Data.IRepository<CustomerCustomerRoleMapping>>(new ViewRepository<CustomerCustomerRoleMapping>(() =>
                Store.Roles.SelectMany(pair => pair.Value.Select(roleId => new CustomerCustomerRoleMapping { CustomerId = pair.Key, CustomerRoleId = roleId }))));
            services.AddSingleton<Nop.Data.IRepository<NewsLetterSubscription>>(new ViewRepository<NewsLetterSubscription>(() => Store.Newsletters.Values.SelectMany(rows => rows)));
            services.AddSingleton<Nop.Data.IRepository<IcontactCustomerPageRow>>(new ViewRepository<IcontactCustomerPageRow>(() => []));
            services.AddSingleton<Nop.Data.IRepository<IcontactGuestPageRow>>(new ViewRepository<IcontactGuestPageRow>(() => []));
            services.AddSingleton<Nop.Data.IRepository<IcontactLease>>(new InMemoryRepository<IcontactLease> { UniqueKey = lease => lease.Name });
            services.AddSingleton<Nop.Data.IRepository<Nop.Core.Domain.Orders.Order>>(OrderIndex.Orders);
            services.AddSingleton<Nop.Data.IRepository<Nop.Core.Domain.Orders.OrderItem>>(OrderIndex.OrderItems);
            services.AddSingleton<Nop.Data.IRepository<Nop.Core.Domain.Catalog.ProductCategory>>(OrderIndex.ProductCategories);
            services.AddSingleton<Nop.Data.IRepository<Nop.Core.Domain.Catalog.ProductManufacturer>>(new InMemoryRepository<Nop.Core.Domain.Catalog.ProductManufacturer>());
            services.AddSingleton<Nop.Services.Plugins.IPluginService>(new InstalledPluginService());
            services.AddSingleton<Nop.Data.IRepository<IcontactFieldMap>>(new InMemoryRepository<IcontactFieldMap>());
            new FieldPlatformFakes().AddTo(services);
            new Nop.Plugin.Misc.IContact.Infrastructure.NopStartup().ConfigureServices(services, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
            //the bench's subscriber table is indexed like a database would be
            services.AddScoped<SubscriberService>(_ => new IndexedSubscriberService(Subscribers, TimeProvider.System));
            services.AddScoped<CustomerFactsReader>(provider => new IndexedCustomerFactsReader(Store, provider));
            services.AddScoped<OrderStatisticsReader>(_ => new IndexedOrderStatisticsReader(OrderIndex));
            services.AddScoped<PurchaseReader>(_ => new IndexedPurchaseReader(OrderIndex));
            return services.BuildServiceProvider();
        }

        public T Resolve<T>() => Provider.CreateScope().ServiceProvider.GetRequiredService<T>();
        public DeliverySignal Signal => Provider.GetRequiredService<DeliverySignal>();
        public IcontactFolder Folder { get; private set; }
        public string[] ListIds { get; private set; } = [];

        public static async Task<Bench> CreateAsync(EmulatorProcess emulator, int latencyMs, string[] lists, bool consentList)
        {
            await emulator.ResetAsync(latencyMs);
            var bench = new Bench();
            var credentials = IcontactCredentials.Create(emulator.Username, emulator.AppId, emulator.AppPassword, emulator.ApiBaseUrl);
            bench.Folder = new IcontactFolder(credentials, emulator.AccountId, emulator.ClientFolderId);
            var client = bench.Client();
            bench.ListIds = (await Task.WhenAll(lists.Select(name => client.CreateListAsync(bench.Folder, name)))).Select(l => l.ListId).ToArray();
            var rules = new List<IcontactRule> { new() { CustomerRoleIds = [3], ListId = bench.ListIds[0], ListName = lists[0] } };
            if (consentList)
                rules.Add(new IcontactRule { CustomerRoleIds = [3], RequireNewsletter = true, ListId = bench.ListIds[1], ListName = lists[1] });
            bench.Store.Settings = new IcontactSettings
            {
                Username = emulator.Username, AppId = emulator.AppId, EncryptedAppPassword = emulator.AppPassword, ApiBaseUrl = emulator.ApiBaseUrl,
                AccountId = emulator.AccountId, ClientFolderId = emulator.ClientFolderId, RequestTimeoutSeconds = 30
            };
            for (var order = 0; order < rules.Count; order++)
                bench.RuleRows.InsertAsync(new IcontactRuleRecord { StoreId = 0, RuleId = rules[order].Id, DisplayOrder = order, RuleJson = RuleStorage.SerializeRule(rules[order]) }).Wait();
            bench.Store.Index();
            return bench;
        }

        /// <summary>
        /// Replaces the rules (before the first handler runs: rules are cached)
        /// </summary>
        public void UseRules(IReadOnlyList<IcontactRule> rules)
        {
            RuleRows.DeleteAsync(row => true).Wait();
            for (var order = 0; order < rules.Count; order++)
                RuleRows.InsertAsync(new IcontactRuleRecord { StoreId = 0, RuleId = rules[order].Id, DisplayOrder = order, RuleJson = RuleStorage.SerializeRule(rules[order]) }).Wait();
        }

        /// <summary>
        /// Adds a paid, complete order of one product in store 0 (the bench's store)
        /// </summary>
        public async Task<Nop.Core.Domain.Orders.Order> AddOrderAsync(int customerId, decimal total, int productId, int daysAgo)
        {
            var order = new Nop.Core.Domain.Orders.Order
            {
                CustomerId = customerId, StoreId = 0, OrderTotal = total, OrderStatus = Nop.Core.Domain.Orders.OrderStatus.Complete,
                PaymentStatus = Nop.Core.Domain.Payments.PaymentStatus.Paid, CreatedOnUtc = DateTime.UtcNow.AddDays(-daysAgo)
            };
            await OrderIndex.AddAsync(order, new Nop.Core.Domain.Orders.OrderItem { ProductId = productId, Quantity = 1, PriceInclTax = total });
            return order;
        }

        public Customer NewCustomer(string email, bool consent)
        {
            var customer = new Customer { Id = _nextId++, Email = email, Active = true, FirstName = "First", LastName = "Last", CreatedOnUtc = DateTime.UtcNow.AddSeconds(-_nextId) };
            Store.Add(customer, [3]);
            if (consent)
                Store.Newsletters[email] = [new NewsLetterSubscription { Email = email, Active = true, TypeId = 1 }];
            return customer;
        }

        public IcontactHttpClient Client() => new(new HttpClient(Handler, disposeHandler: false));
        public EventConsumer Consumer() => new(Resolve<InstallationGuard>(), Resolve<CustomerErasureService>(), Resolve<SubscriptionPlanner>());
        public DeliveryService Delivery() => Resolve<DeliveryService>();
        public BulkSyncService Bulk() => Resolve<BulkSyncService>();
    }

    /// <summary>
    /// The emulator in a child process on a free loopback port
    /// </summary>
    public sealed class EmulatorProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly HttpClient _http = new();

        private EmulatorProcess(Process process, int port)
        {
            _process = process;
            RootUrl = $"http://127.0.0.1:{port}";
        }

        public string RootUrl { get; }
        public string ApiBaseUrl => $"{RootUrl}/icp";
        public string Username => "bench@example.com";
        public string AppId => "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
        public string AppPassword => "bench-password";
        public string AccountId => "400100";
        public string ClientFolderId => "124667";

        public static async Task<EmulatorProcess> StartAsync()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();

            var dll = FindEmulator();
            var start = new ProcessStartInfo("dotnet", [dll, $"--Emulator:Port={port}", "--Emulator:Username=bench@example.com", "--Emulator:AppPassword=bench-password"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Path.GetDirectoryName(dll)!
            };
            var emulator = new EmulatorProcess(Process.Start(start)!, port);
            for (var attempt = 0; attempt < 100; attempt++)
            {
                try
                {
                    using var response = await emulator._http.GetAsync($"{emulator.ApiBaseUrl}/time");
                    if (response.IsSuccessStatusCode)
                        return emulator;
                }
                catch (HttpRequestException)
                {
                }

                await Task.Delay(100);
            }

            throw new InvalidOperationException("the emulator did not start");
        }

        private static string FindEmulator()
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var dll = Path.Combine(dir.FullName, "tools", "IcontactEmulator", "bin", configuration, "net9.0", "IcontactEmulator.dll");
                if (File.Exists(dll))
                    return dll;
            }

            throw new FileNotFoundException("IcontactEmulator.dll not found: build the solution first");
        }

        public async Task ResetAsync(int latencyMs)
        {
            (await _http.PostAsync($"{RootUrl}/_emulator/reset", null)).EnsureSuccessStatusCode();
            (await _http.PostAsync($"{RootUrl}/_emulator/switches",
                new StringContent($$"""{"latencyMs":{{latencyMs}},"requestsPerHour":1000000,"requestsPerDay":1000000}""", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        }

        public async Task<Stats> StatsAsync()
        {
            using var document = JsonDocument.Parse(await _http.GetStringAsync($"{RootUrl}/_emulator/stats"));
            var root = document.RootElement;
            return new Stats(root.GetProperty("requestCount").GetInt32(), root.GetProperty("subscriptions").GetInt32(),
                root.GetProperty("byOperation").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()));
        }

        public async ValueTask DisposeAsync()
        {
            try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await _process.WaitForExitAsync();
            _process.Dispose();
            _http.Dispose();
        }
    }

    public sealed record Stats(int RequestCount, int Subscriptions, Dictionary<string, int> ByOperation)
    {
        public int Op(string name) => ByOperation.GetValueOrDefault(name);
    }
}

/// <summary>
/// The platform's plugin service as after a successful install (imitates 4.90.6 IPluginService.GetPluginDescriptorBySystemNameAsync: in memory)
/// </summary>
internal sealed class InstalledPluginService : Nop.Services.Plugins.IPluginService
{
    private readonly Nop.Services.Plugins.PluginDescriptor _descriptor = new() { SystemName = IcontactDefaults.SystemName, Installed = true };

    public Task<Nop.Services.Plugins.PluginDescriptor> GetPluginDescriptorBySystemNameAsync<TPlugin>(string systemName,
        Nop.Services.Plugins.LoadPluginsMode loadMode = Nop.Services.Plugins.LoadPluginsMode.InstalledOnly, Customer customer = null, int storeId = 0,
        string group = null) where TPlugin : class, Nop.Services.Plugins.IPlugin => Task.FromResult(systemName == _descriptor.SystemName ? _descriptor : null);
}
