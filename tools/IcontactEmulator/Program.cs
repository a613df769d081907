using IcontactEmulator;
using Microsoft.Extensions.Configuration;

//dotnet run --project tools/IcontactEmulator [-- --Emulator:Port=5088]
var configuration = new ConfigurationBuilder()
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(args)
    .Build();
var options = configuration.GetSection("Emulator").Get<EmulatorOptions>() ?? new EmulatorOptions();

await using var server = await EmulatorServer.StartAsync(options, logRequests: configuration.GetValue("Emulator:LogRequests", false));

Console.WriteLine($"""
    iContact emulator (API v2.2) is listening.
      API base URL : {server.ApiBaseUrl}
      Username     : {options.Username}
      AppID        : {options.AppId}
      App password : {options.AppPassword}
      Account ID   : {options.AccountId}   Client folder: {options.ClientFolderId}
      Controls     : {server.RootUrl}/_emulator/state, POST {server.RootUrl}/_emulator/switches
    Press Ctrl+C to stop.
    """);

await server.WaitForShutdownAsync();
