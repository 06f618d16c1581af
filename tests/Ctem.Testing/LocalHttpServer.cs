using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Ctem.Testing;

/// <summary>
/// A file server on 127.0.0.1 for download tests: serves registered bytes with an ETag, answers 304 to a matching
/// If-None-Match, and can fail the first N requests of a path with a given status. Never leaves the loopback.
/// </summary>
public sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, (byte[] Body, string ETag)> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (int Remaining, HttpStatusCode Status)> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<HttpListenerRequest, byte[]>> _handlers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _redirects = new(StringComparer.Ordinal);
    private readonly Task _loop;

    public LocalHttpServer()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public ConcurrentQueue<string> Log { get; } = new();

    public void Serve(string path, byte[] body) => _files[path] = (body, $"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body))[..16]}\"");

    public void Fail(string path, int times, HttpStatusCode status) => _failures[path] = (times, status);

    /// <summary>Answers every request of a path with 302 Found to <paramref name="location"/>.</summary>
    public void Redirect(string path, string location) => _redirects[path] = location;

    /// <summary>Answers a path from the request (its query, its headers), as an API does; logged with its query.</summary>
    public void Handle(string path, Func<HttpListenerRequest, byte[]> respond) => _handlers[path] = respond;

    /// <summary>Every request's path and query with the headers asked about by <see cref="Handle"/>'s callers.</summary>
    public ConcurrentQueue<HttpListenerRequest> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();

        // A pending GetContextAsync does not always complete when the listener closes; never wait on it for long.
        await Task.WhenAny(_loop, Task.Delay(TimeSpan.FromSeconds(2)));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                Respond(context);
            }
            catch (HttpListenerException)
            {
                // The client went away before its answer was written (a process the test killed): serve the next one.
            }
        }
    }

    private void Respond(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        using var response = context.Response;
        if (_failures.TryGetValue(path, out var failure) && failure.Remaining > 0)
        {
            // Read a posted body before failing, as servers do: answering mid-upload resets the connection, and the
            // client would see a network error instead of the status under test.
            context.Request.InputStream.CopyTo(Stream.Null);
            _failures[path] = (failure.Remaining - 1, failure.Status);
            Log.Enqueue($"{path} {(int)failure.Status}");
            response.StatusCode = (int)failure.Status;
            return;
        }

        if (_redirects.TryGetValue(path, out var location))
        {
            context.Request.InputStream.CopyTo(Stream.Null);
            Log.Enqueue($"{path} 302");
            response.StatusCode = 302;
            response.RedirectLocation = location;
            return;
        }

        if (_handlers.TryGetValue(path, out var handler))
        {
            Requests.Enqueue(context.Request);
            var body = handler(context.Request);
            Log.Enqueue($"{context.Request.Url.PathAndQuery} 200");
            response.StatusCode = 200;
            response.ContentLength64 = body.Length;
            response.OutputStream.Write(body);
            return;
        }

        if (!_files.TryGetValue(path, out var file))
        {
            Log.Enqueue($"{path} 404");
            response.StatusCode = 404;
            return;
        }

        if (context.Request.Headers["If-None-Match"] == file.ETag)
        {
            Log.Enqueue($"{path} 304");
            response.StatusCode = 304;
            return;
        }

        Log.Enqueue($"{path} 200");
        response.StatusCode = 200;
        response.Headers["ETag"] = file.ETag;
        response.ContentLength64 = file.Body.Length;
        response.OutputStream.Write(file.Body);
    }

    internal static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
