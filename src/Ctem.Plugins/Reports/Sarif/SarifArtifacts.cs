using System.Text.Json;

namespace Ctem.Plugins.Reports.Sarif;

/// <summary>Turns a run's artifact locations into file paths: by artifact index, against <c>originalUriBaseIds</c>, file URIs to paths.</summary>
internal sealed class SarifArtifacts(JsonElement run)
{
    private const int MaxBaseDepth = 8;

    private readonly List<JsonElement> artifacts = [.. ReportJson.Array(run, "artifacts")];
    private readonly JsonElement? baseIds = ReportJson.Object(run, "originalUriBaseIds");

    /// <summary>The run's one artifact, when it lists exactly one: what a location-less result is about.</summary>
    public string? OnlyArtifact =>
        artifacts.Count == 1 && ReportJson.Object(artifacts[0], "location") is { } location ? PathOf(location) : null;

    public string? PathOf(JsonElement artifactLocation)
    {
        var uri = ReportJson.String(artifactLocation, "uri");
        var baseId = ReportJson.String(artifactLocation, "uriBaseId");
        if (uri is null && SarifJson.Int(artifactLocation, "index") is { } index && index >= 0 && index < artifacts.Count
            && ReportJson.Object(artifacts[index], "location") is { } listed)
        {
            uri = ReportJson.String(listed, "uri");
            baseId = ReportJson.String(listed, "uriBaseId");
        }

        if (string.IsNullOrWhiteSpace(uri))
        {
            return null;
        }

        var path = ToPath(Resolve(uri.Trim(), baseId, 0));
        return path.Length == 0 ? null : path;
    }

    // An undefined base (CodeQL's %SRCROOT%) leaves the path relative, which is what other tools report for the same file.
    private string Resolve(string uri, string? baseId, int depth)
    {
        if (baseId is null || depth > MaxBaseDepth || HasScheme(uri) || uri.StartsWith('/')
            || baseIds is not { } bases || ReportJson.Object(bases, baseId) is not { } definition
            || ReportJson.String(definition, "uri") is not { } baseUri || baseUri.Trim().Length == 0)
        {
            return uri;
        }

        var resolvedBase = Resolve(baseUri.Trim(), ReportJson.String(definition, "uriBaseId"), depth + 1);
        return resolvedBase.EndsWith('/') ? resolvedBase + uri : resolvedBase + "/" + uri;
    }

    private static bool HasScheme(string uri)
    {
        var colon = uri.IndexOf(':', StringComparison.Ordinal);
        return colon > 1 && uri[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');
    }

    private static string ToPath(string uri)
    {
        var path = uri;
        if (path.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            path = path[5..];
            if (path.StartsWith("///", StringComparison.Ordinal))
            {
                path = "/" + path.TrimStart('/');
            }

            // file:///C:/x is the Windows path C:/x.
            if (path.Length > 3 && path[0] == '/' && char.IsAsciiLetter(path[1]) && path[2] == ':')
            {
                path = path[1..];
            }
        }

        try
        {
            return Uri.UnescapeDataString(path);
        }
        catch (UriFormatException)
        {
            return path;
        }
    }
}
