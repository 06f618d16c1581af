using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Ctem.Core.Text;

namespace Ctem.Core.Model;

/// <summary>
/// The per-type rules of the registered purl types: which namespaces are required or forbidden, which components
/// fold to lowercase, and the few name rules a type definition spells out. Unregistered types get the generic rules only.
/// </summary>
internal static partial class PackageUrlTypes
{
    /// <summary>Transcribed from <c>purl-spec/types/*-definition.json</c>; a test checks the two still agree.</summary>
    internal static readonly FrozenDictionary<string, PackageUrlType> Known = new Dictionary<string, PackageUrlType>(StringComparer.Ordinal)
    {
        ["alpm"] = new(NamespaceRule.Required, CaseFolding.Namespace | CaseFolding.Name),
        ["apk"] = new(NamespaceRule.Required, CaseFolding.Namespace | CaseFolding.Name),
        ["bazel"] = new(NamespaceRule.Prohibited, CaseFolding.None),
        ["bitbucket"] = new(NamespaceRule.Required, CaseFolding.Namespace | CaseFolding.Name),
        ["bitnami"] = new(NamespaceRule.Prohibited, CaseFolding.Name),
        ["brew"] = new(NamespaceRule.Optional, CaseFolding.Namespace | CaseFolding.Name),
        ["cargo"] = new(NamespaceRule.Prohibited, CaseFolding.None),
        ["chrome-extension"] = new(NamespaceRule.Prohibited, CaseFolding.Name),
        ["cocoapods"] = new(NamespaceRule.Prohibited, CaseFolding.None),
        ["composer"] = new(NamespaceRule.Required, CaseFolding.Namespace | CaseFolding.Name),
        ["conan"] = new(NamespaceRule.Optional, CaseFolding.None),
        ["conda"] = new(NamespaceRule.Prohibited, CaseFolding.None),
        ["cpan"] = new(NamespaceRule.Optional, CaseFolding.None),
        ["cran"] = new(NamespaceRule.Prohibited, CaseFolding.None),
        ["deb"] = new(NamespaceRule.Required, CaseFolding.Namespace | CaseFolding.Name),
        ["docker"] = new(NamespaceRule.Optional, CaseFolding.None),
        ["gem"] = new(NamespaceRule.Prohibited, CaseFolding.None),
        ["generic"] = new(NamespaceRule.Optional, CaseFolding.None),
        ["git"] = new(NamespaceRule.Required, CaseFolding.None),
        ["github"] = new(NamespaceRule.Required, CaseFolding.Namespace | CaseFolding.Name),
        ["golang"] = new(NamespaceRule.Required, CaseFolding.None),
        ["hackage"] = new(NamespaceRule.Prohibited, CaseFolding.None),
        ["hex"] = new(NamespaceRule.Optional, CaseFolding.Namespace | CaseFolding.Name),
        ["huggingface"] = new(NamespaceRule.Required, CaseFolding.Version),
        ["julia"] = new(NamespaceRule.Prohibited, CaseFolding.None, "uuid"),
        ["luarocks"] = new(NamespaceRule.Optional, CaseFolding.Namespace | CaseFolding.Name),
        ["maven"] = new(NamespaceRule.Required, CaseFolding.None),
        ["mlflow"] = new(NamespaceRule.Prohibited, CaseFolding.None),
        ["npm"] = new(NamespaceRule.Optional, CaseFolding.None),
        ["nuget"] = new(NamespaceRule.Prohibited, CaseFolding.None),
        ["oci"] = new(NamespaceRule.Prohibited, CaseFolding.Name | CaseFolding.Version),
        ["opam"] = new(NamespaceRule.Prohibited, CaseFolding.None),
        ["otp"] = new(NamespaceRule.Prohibited, CaseFolding.Name | CaseFolding.Subpath),
        ["pub"] = new(NamespaceRule.Prohibited, CaseFolding.Name),
        ["pypi"] = new(NamespaceRule.Prohibited, CaseFolding.Name | CaseFolding.Version),
        ["qpkg"] = new(NamespaceRule.Required, CaseFolding.Namespace),
        ["rpm"] = new(NamespaceRule.Required, CaseFolding.Namespace),
        ["swid"] = new(NamespaceRule.Optional, CaseFolding.None, "tag_id"),
        ["swift"] = new(NamespaceRule.Required, CaseFolding.None),
        ["vcpkg"] = new(NamespaceRule.Prohibited, CaseFolding.None),
        ["vscode-extension"] = new(NamespaceRule.Required, CaseFolding.Namespace | CaseFolding.Name | CaseFolding.Version),
        ["yocto"] = new(NamespaceRule.Optional, CaseFolding.Namespace),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Hosts whose owner and repository names are case-insensitive (the github and bitbucket types fold them),
    /// so a git purl on them folds too; other git hosts keep the case they were given.
    /// </summary>
    private static readonly FrozenSet<string> CaseInsensitiveGitHosts =
        new[] { "github", "github.com", "bitbucket", "bitbucket.org" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);


    /// <summary>Git names are repository paths on the host (<c>owner/repo</c>), so their slashes are separators.</summary>
    public static bool NameIsPath(string type) => type == "git";

    /// <summary>Applies the type's case folding and name rules, then checks what the type definition requires.</summary>
    public static ParseResult<PackageUrl> Normalize(PackageUrl purl, bool strict)
    {
        var rule = Known.GetValueOrDefault(purl.Type);
        if (rule is not null)
        {
            purl = Fold(purl, rule.Lowercase);
        }

        purl = ApplyNameRules(purl);
        return Check(purl, rule, strict) is { } error ? ParseResult<PackageUrl>.Fail(error) : ParseResult<PackageUrl>.Ok(purl);
    }

    private static PackageUrl Fold(PackageUrl purl, CaseFolding folding) => purl with
    {
        Namespace = folding.HasFlag(CaseFolding.Namespace) ? purl.Namespace?.ToLowerInvariant() : purl.Namespace,
        Name = folding.HasFlag(CaseFolding.Name) ? purl.Name.ToLowerInvariant() : purl.Name,
        Version = folding.HasFlag(CaseFolding.Version) ? purl.Version?.ToLowerInvariant() : purl.Version,
        Subpath = folding.HasFlag(CaseFolding.Subpath) ? purl.Subpath?.ToLowerInvariant() : purl.Subpath,
    };

    private static PackageUrl ApplyNameRules(PackageUrl purl) => purl.Type switch
    {
        "pypi" => purl with { Name = purl.Name.Replace('_', '-') },
        "pub" => purl with { Name = PubDisallowed().Replace(purl.Name, "_") },
        "cpan" => purl with { Namespace = purl.Namespace?.ToUpperInvariant() },
        "mlflow" when IsDatabricks(purl) => purl with { Name = purl.Name.ToLowerInvariant() },
        "git" => SplitGitHost(purl),
        _ => purl,
    };

    private static string? Check(PackageUrl purl, PackageUrlType? rule, bool strict)
    {
        if (purl.Name.Length == 0)
        {
            return "a purl needs a name";
        }

        if (rule?.Namespace == NamespaceRule.Required && purl.Namespace is null
            // A Go module path may have one element (go.pinniped.dev, goauthentik.io), and Go tooling, SBOM generators
            // and OSV call the standard library "stdlib": a lenient parse keeps them matchable.
            && !(purl.Type == "golang" && !strict))
        {
            return $"a '{purl.Type}' purl needs a namespace";
        }

        if (rule?.Namespace == NamespaceRule.Prohibited && purl.Namespace is not null)
        {
            return $"a '{purl.Type}' purl has no namespace, but '{purl.Namespace}' was given";
        }

        if (rule?.RequiredQualifiers.FirstOrDefault(key => !purl.Qualifiers.ContainsKey(key)) is { } missing)
        {
            return $"a '{purl.Type}' purl needs the '{missing}' qualifier";
        }

        return purl.Type switch
        {
            "chrome-extension" when !ChromeExtensionId().IsMatch(purl.Name) =>
                $"a Chrome extension id is 32 letters a-p, not '{purl.Name}'",
            "chrome-extension" when purl.Version is not null && !ChromeExtensionVersion().IsMatch(purl.Version) =>
                $"a Chrome extension version is one to four dot-separated numbers, not '{purl.Version}'",
            "cpan" when purl.Name.Contains("::", StringComparison.Ordinal) =>
                $"a CPAN purl names the distribution ('URI-PackageURL'), not a module ('{purl.Name}')",
            _ => null,
        };
    }

    private static PackageUrl SplitGitHost(PackageUrl purl)
    {
        var path = purl.Namespace is null ? purl.Name : $"{purl.Namespace}/{purl.Name}";
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return purl with { Namespace = null, Name = path };
        }

        var host = path[..slash];
        var repository = path[(slash + 1)..];
        return CaseInsensitiveGitHosts.Contains(host)
            ? purl with { Namespace = host.ToLowerInvariant(), Name = repository.ToLowerInvariant() }
            : purl with { Namespace = host, Name = repository };
    }

    /// <summary>Databricks model names are case-insensitive; Azure ML and others keep case (the mlflow definition).</summary>
    private static bool IsDatabricks(PackageUrl purl) =>
        purl.Qualifiers.TryGetValue("repository_url", out var url)
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.Host.Contains("databricks", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("[^a-z0-9_]")]
    private static partial Regex PubDisallowed();

    [GeneratedRegex("^[a-p]{32}$")]
    private static partial Regex ChromeExtensionId();

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+){0,3}$")]
    private static partial Regex ChromeExtensionVersion();
}
