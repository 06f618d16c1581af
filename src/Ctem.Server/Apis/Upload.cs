using Microsoft.Net.Http.Headers;
using Ctem.Engine.Inputs;
using Ctem.Server.Hosting;

namespace Ctem.Server.Apis;

/// <summary>
/// A raw request body (an SBOM, a lockfile, a report) saved to a file of its own, since the Engine reads inputs as files.
/// The file takes the name <c>Content-Disposition: attachment; filename=…</c> gives (lockfiles are known by their name),
/// else <c>upload</c>; it is deleted with the upload. Runs, statements and diagnostics name it by that file name, else
/// <see cref="Unnamed"/>: never by the temporary path, which differs at every upload and says nothing.
/// </summary>
internal sealed class Upload : IDisposable
{
    /// <summary>What an upload sent without a file name is recorded as.</summary>
    public const string Unnamed = "api upload";

    private readonly string _directory;

    private Upload(string directory, string path, string name)
    {
        _directory = directory;
        Path = path;
        Name = name;
    }

    /// <summary>Where the body is saved, for the Engine to read.</summary>
    public string Path { get; }

    /// <summary>The name it was sent under (<c>Content-Disposition</c>), else <see cref="Unnamed"/>.</summary>
    public string Name { get; }

    /// <summary>The saved file recorded under <see cref="Name"/>.</summary>
    public InputNames Names => new(new Dictionary<string, string> { [Path] = Name });

    /// <summary>The saved body, or the problem: an empty body (400) or one larger than the limit (413).</summary>
    public static async Task<(Upload? Upload, IResult? Problem)> SaveAsync(HttpRequest request, ServerSettings settings, CancellationToken cancellationToken)
    {
        if (request.ContentLength > settings.MaxBodyBytes)
        {
            return (null, TooLarge(settings));
        }

        var directory = Directory.CreateTempSubdirectory("ctem-upload-").FullName;
        var name = FileName(request);
        var upload = new Upload(directory, System.IO.Path.Combine(directory, name ?? "upload"), name ?? Unnamed);
        try
        {
            long total = 0;
            await using (var file = File.Create(upload.Path))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    total += read;
                    if (total > settings.MaxBodyBytes)
                    {
                        upload.Dispose();
                        return (null, TooLarge(settings));
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            if (total == 0)
            {
                upload.Dispose();
                return (null, Problems.BadRequest("the request body is empty: send the SBOM, lockfile or report itself as the body"));
            }

            return (upload, null);
        }
        catch
        {
            upload.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (a scan cancelled mid-read) leaves a directory under the temp root; the OS cleans it.
        }
    }

    private static IResult TooLarge(ServerSettings settings) =>
        Problems.Result(StatusCodes.Status413PayloadTooLarge, $"the request body is larger than the server takes ({settings.MaxBodyBytes:N0} bytes)");

    private static string? FileName(HttpRequest request)
    {
        var name = ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var disposition)
            ? HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).ToString()
            : "";
        name = System.IO.Path.GetFileName(name.Replace('\\', '/'));
        return name is "" or "." or ".." ? null : name;
    }
}
