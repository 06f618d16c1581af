using Ctem.Server;

// The server on its own, configured by Ctem:Database (e.g. Ctem__Database=...): the entry point WebApplicationFactory
// uses. Users start it with 'ctem serve'.
await using var app = ServerHost.Build(args);
await app.RunAsync();
