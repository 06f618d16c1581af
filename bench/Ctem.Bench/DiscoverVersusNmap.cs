using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Ctem.Core.Stores;
using Ctem.Engine.Discovery.Active;
using Ctem.Engine.Discovery.Reports;
using Ctem.Engine.Inputs;
using Ctem.Engine.Scoping;
using Ctem.Plugins;

namespace Ctem.Bench;

/// <summary>
/// <c>ctem discover</c> (the Engine's discoverer, in this process, with its probes and the store) against
/// <c>nmap -sT</c> on the same loopback ports: 1–1000 by default, plus a few listeners the benchmark starts on ports the
/// system gives (a user cannot bind below 1024): an SSH-like banner, an HTTP server, a silent service. Discover runs
/// unpaced (rate 10,000) so the comparison is of the work, not of the default politeness of 50 connections a second.
/// </summary>
internal static class DiscoverVersusNmap
{
    private const int Runs = 3;

    public static async Task<int> RunAsync(ICtemStore store, InputReader reader, string ports)
    {
        var scanned = PortList.Parse(ports, out var problem);
        if (scanned is null)
        {
            Console.Error.WriteLine($"bench: --ports {ports}: {problem}");
            return 2;
        }

        using var stop = new CancellationTokenSource();
        var listeners = new[]
        {
            Listen("SSH-2.0-OpenSSH_9.6p1\r\n", stop.Token),
            Listen("HTTP/1.1 200 OK\r\nServer: nginx/1.24.0\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", stop.Token, waitForRequest: true),
            Listen(null, stop.Token),
        };
        var listenerPorts = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToList();
        var all = scanned.Concat(listenerPorts).Distinct().Order().ToList();
        var portText = ports + "," + string.Join(',', listenerPorts.Select(p => p.ToString(CultureInfo.InvariantCulture)));
        var loaded = ScopeFile.Load("ctem.yaml", "products:\n  - name: bench\n    deployments: [{name: loopback, environment: test, targets: [\"127.0.0.1\"]}]\nscope: {allow: [127.0.0.1]}");
        var discoverer = new ActiveDiscoverer(new ReportIngester(store, BuiltInPlugins.ReportParsers, BuiltInPlugins.VersionSchemes, reader, TimeProvider.System),
            BuiltInPlugins.ServiceProbes, new DnsHostResolver(), TimeProvider.System);
        var request = new DiscoveryRequest("bench", all) { Scope = loaded.Document!, Rate = 10_000, Timeout = TimeSpan.FromSeconds(2) };

        Console.WriteLine($"discover vs nmap -sT on 127.0.0.1, {all.Count} ports ({ports} and the listeners {string.Join(", ", listenerPorts)}), {Environment.ProcessorCount} cores, median of {Runs} after one warm-up:");
        var discover = await MedianAsync(async () =>
        {
            var report = await discoverer.DiscoverAsync(request, CancellationToken.None);
            return $"{report.Services.Count} open, {report.Connections} connections, status {report.Status}";
        });
        Console.WriteLine($"| ctem discover (connect scan, banners, probes, stored) | {discover.Median.TotalSeconds:F2} s | {discover.Outcome} |");
        var nmap = await MedianAsync(async () => await NmapAsync(portText));
        Console.WriteLine($"| nmap -sT -p {ports},… 127.0.0.1 | {nmap.Median.TotalSeconds:F2} s | {nmap.Outcome} |");

        await stop.CancelAsync();
        foreach (var listener in listeners)
        {
            listener.Stop();
        }

        return 0;
    }

    private static async Task<(TimeSpan Median, string Outcome)> MedianAsync(Func<Task<string>> run)
    {
        await run();
        var times = new List<TimeSpan>();
        var outcome = "";
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            outcome = await run();
            times.Add(watch.Elapsed);
        }

        times.Sort();
        return (times[times.Count / 2], outcome);
    }

    private static async Task<string> NmapAsync(string ports)
    {
        var start = new ProcessStartInfo("nmap", ["-sT", "-Pn", "-n", "-p", ports, "127.0.0.1", "-oG", "-"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start nmap (Debian package nmap)");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var open = output.Split("/open/", StringSplitOptions.None).Length - 1;
        return process.ExitCode == 0 ? $"{open} open" : $"exit {process.ExitCode}";
    }

    // Serves every connection: says its banner first (or after the request, as HTTP does), or nothing.
    private static TcpListener Listen(string? answer, CancellationToken stop, bool waitForRequest = false)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        _ = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync(stop);
                }
                catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }

                _ = Task.Run(async () =>
                {
                    using (client)
                    {
                        try
                        {
                            var stream = client.GetStream();
                            if (waitForRequest)
                            {
                                _ = await stream.ReadAsync(new byte[4096], stop);
                            }

                            if (answer is not null)
                            {
                                await stream.WriteAsync(Encoding.ASCII.GetBytes(answer), stop);
                            }

                            await Task.Delay(200, stop);
                        }
                        catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException)
                        {
                            // A scanner that hangs up early is no failure of the listener.
                        }
                    }
                });
            }
        });
        return listener;
    }
}
