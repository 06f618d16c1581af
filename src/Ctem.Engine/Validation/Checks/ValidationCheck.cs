namespace Ctem.Engine.Validation.Checks;

/// <summary>How a check reaches its target: HTTP requests, raw TCP exchanges, or Ctem's TLS probe.</summary>
public enum CheckProtocol
{
    Unspecified = 0,
    Http,
    Network,
    Ssl,
}

/// <summary>
/// One validation check, read from a nuclei-style YAML template (docs/cli.md, "Validation checks"): what it proves, the
/// ids of the vulnerabilities it validates, and the safe requests that prove it.
/// </summary>
/// <param name="Validates">The vulnerability ids (CVE ids, or the rule ids Ctem's probes and ingesters give findings) it validates.</param>
public sealed record ValidationCheck(string Id, string Name, string Severity, IReadOnlyList<string> Validates, CheckProtocol Protocol, IReadOnlyList<CheckRequest> Requests)
{
    /// <summary>Where it was read from: <c>built-in:ID.yaml</c> or a path.</summary>
    public string File { get; init; } = "";

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The ports tried on targets that name none (<c>info.metadata.ctem-ports</c>, else the request's <c>host:</c> port, else 80 and 443).</summary>
    public IReadOnlyList<int> Ports { get; init; } = [80, 443];

    /// <summary>
    /// True when a finding with <paramref name="vulnerabilityId"/> (or one of <paramref name="aliases"/>) is what this
    /// check validates: one of <see cref="Validates"/>, or the finding an ingested nuclei report of this template made.
    /// </summary>
    public bool ValidatesAny(string vulnerabilityId, IEnumerable<string> aliases)
    {
        ArgumentNullException.ThrowIfNull(vulnerabilityId);
        ArgumentNullException.ThrowIfNull(aliases);
        if (vulnerabilityId.Equals("nuclei:" + Id, StringComparison.OrdinalIgnoreCase) || vulnerabilityId.StartsWith("nuclei:" + Id + ":", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return aliases.Prepend(vulnerabilityId).Any(id => Validates.Contains(id, StringComparer.OrdinalIgnoreCase));
    }
}

/// <summary>One request of a check with the matchers that judge its answer and the extractors that quote it.</summary>
public sealed record CheckRequest
{
    /// <summary>HTTP: GET, HEAD or OPTIONS.</summary>
    public string Method { get; init; } = "GET";

    /// <summary>HTTP: the paths, each starting with <c>{{BaseURL}}</c> or <c>{{RootURL}}</c>.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public string? Body { get; init; }

    /// <summary>HTTP: redirects followed (while they stay in scope); 0 when <c>redirects</c> is off.</summary>
    public int MaxRedirects { get; init; }

    /// <summary>Network: the port named in <c>host:</c> (<c>{{Hostname}}:6379</c>); null for the target's own.</summary>
    public int? Port { get; init; }

    /// <summary>Network: what is sent, in order; each input may read after it is sent.</summary>
    public IReadOnlyList<CheckInput> Inputs { get; init; } = [];

    /// <summary>Network: how many bytes of the reply are read at the end.</summary>
    public int ReadSize { get; init; } = 2048;

    public IReadOnlyList<CheckMatcher> Matchers { get; init; } = [];

    /// <summary>True when every matcher must match (<c>matchers-condition: and</c>); by default one is enough.</summary>
    public bool AllMatchers { get; init; }

    public IReadOnlyList<CheckExtractor> Extractors { get; init; } = [];
}

/// <summary>Bytes a network request sends, and how many to read after them (0: none until the end).</summary>
public sealed record CheckInput(byte[] Data, int Read);

/// <summary>Kinds of matcher: <c>status</c>, <c>word</c>, <c>regex</c>, <c>binary</c>.</summary>
public enum MatcherKind
{
    Unspecified = 0,
    Status,
    Word,
    Regex,
    Binary,
}

/// <param name="Part">body, header, all (HTTP); data or raw (network); findings or facts (ssl).</param>
/// <param name="All">True when every value must match (<c>condition: and</c>).</param>
public sealed record CheckMatcher(MatcherKind Kind, string Part, IReadOnlyList<string> Values, bool All, bool Negative)
{
    public IReadOnlyList<int> Status { get; init; } = [];

    public bool CaseInsensitive { get; init; }
}

/// <summary>An extractor: <c>regex</c> (its <see cref="Group"/>) or <c>kval</c> (header values by name).</summary>
public sealed record CheckExtractor(string Kind, string? Name, string Part, IReadOnlyList<string> Values, int Group);
