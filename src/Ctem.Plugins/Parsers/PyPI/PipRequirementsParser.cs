using System.Text;
using System.Text.RegularExpressions;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.PyPI;

/// <summary>
/// Reads pip requirements files (<c>requirements*.txt</c>, <c>*requirements.txt</c>): every named requirement is a
/// Direct component, pinned by <c>==</c>/<c>===</c> here or in a <c>-c</c> constraints file; <c>-r</c> and <c>-c</c>
/// files are read through <see cref="InputSource.Related"/>. Editable installs, URLs and paths are not registry
/// packages and are skipped with an info note.
/// </summary>
public sealed partial class PipRequirementsParser : IInventoryParser
{
    private const int MaxIncludeDepth = 16;

    public string Name => "pypi/requirements";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head)
    {
        var name = System.IO.Path.GetFileName(path);
        return name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
            && (name.StartsWith("requirements", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith("requirements.txt", StringComparison.OrdinalIgnoreCase));
    }

    public async Task<InventoryResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(source.Content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var text = await reader.ReadToEndAsync(cancellationToken);
        var walk = new Walk(source.Related);
        walk.Visited.Add(FullPath(source.Path));
        walk.Read(source.Path, text, constraint: false, depth: 0);
        return Build(source.Path, walk);
    }

    private static InventoryResult Build(string path, Walk walk)
    {
        var pins = new Dictionary<string, PipRequirement>(StringComparer.Ordinal);
        foreach (var pin in walk.Constraints.Where(c => c.Version is not null))
        {
            pins.TryAdd(PypiPackages.Normalize(pin.Name), pin);
        }

        var components = new List<Component>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var requirement in walk.Requirements)
        {
            var version = requirement.Version;
            var hashes = requirement.Hashes;
            if (version is null && pins.TryGetValue(PypiPackages.Normalize(requirement.Name), out var pin))
            {
                version = pin.Version;
                hashes = pin.Hashes;
            }

            var location = $"line {requirement.Line}";
            if (version is null)
            {
                walk.Diagnostics.Add(Diagnostic.Warning(
                    DiagnosticCodes.UnparsableVersion,
                    requirement.Path,
                    requirement.Specifier.Length == 0
                        ? $"'{requirement.Name}' is unpinned (no version given): advisories cannot be matched to a version"
                        : $"'{requirement.Name}' is unpinned ('{requirement.Specifier}' is a range, not '=='): advisories cannot be matched to a version",
                    location));
            }

            var (purl, error) = PypiPackages.Purl(requirement.Name, version);
            if (purl is null)
            {
                walk.Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.InvalidPurl, requirement.Path, $"'{requirement.Name}': {error}; skipped", location));
                continue;
            }

            var bomRef = purl.ToString();
            if (!seen.Add(bomRef))
            {
                continue;
            }

            components.Add(new Component(requirement.Name, version, purl, bomRef, new SourceLocation(requirement.Path, location))
            {
                Relation = DependencyRelation.Direct,
                Hashes = hashes,
            });
        }

        if (components.Count == 0)
        {
            // As for an empty lockfile: "no third-party packages" is a true answer, not a broken input.
            walk.Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.NoComponents, path, "the requirements file names no registry packages"));
        }

        return new InventoryResult(new Inventory(null, components), walk.Diagnostics);
    }

    private static string FullPath(string path) => System.IO.Path.GetFullPath(path);

    /// <summary>pip joins a line ending in a backslash with the next before it strips comments.</summary>
    private static IEnumerable<(int Line, string Text)> LogicalLines(string text)
    {
        var lines = text.Split('\n');
        var builder = new StringBuilder();
        var start = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (builder.Length == 0)
            {
                start = i + 1;
            }

            if (line.EndsWith('\\'))
            {
                builder.Append(line, 0, line.Length - 1).Append(' ');
                continue;
            }

            builder.Append(line);
            yield return (start, Comment().Replace(builder.ToString(), string.Empty).Trim());
            builder.Clear();
        }

        if (builder.Length > 0)
        {
            yield return (start, Comment().Replace(builder.ToString(), string.Empty).Trim());
        }
    }

    /// <summary>A '#' starts a comment at the start of a line or after whitespace (a URL's '#egg=' fragment is not one).</summary>
    [GeneratedRegex(@"(^|\s)#.*$")]
    private static partial Regex Comment();

    /// <summary>Per-requirement options (<c>--hash</c>, <c>--config-settings</c>, …) follow the requirement.</summary>
    [GeneratedRegex(@"\s(?=--?[A-Za-z])")]
    private static partial Regex OptionStart();

    [GeneratedRegex(@"--hash(?:=|\s+)(\S+)")]
    private static partial Regex HashOption();

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[(?<extras>[^\]]*)\])?\s*(?<spec>.*)$")]
    private static partial Regex RequirementLine();

    [GeneratedRegex(@"^\s*(?<op>===|==|!=|~=|>=|<=|>|<)\s*(?<version>[A-Za-z0-9*][^\s,;()]*)\s*$")]
    private static partial Regex Specifier();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*://|^(?:git|hg|svn|bzr)\+")]
    private static partial Regex UrlStart();

    private sealed class Walk(Func<string, byte[]?>? related)
    {
        public List<PipRequirement> Requirements { get; } = [];

        public List<PipRequirement> Constraints { get; } = [];

        public List<Diagnostic> Diagnostics { get; } = [];

        public HashSet<string> Visited { get; } = new(StringComparer.Ordinal);

        public void Read(string path, string text, bool constraint, int depth)
        {
            foreach (var (line, content) in LogicalLines(text))
            {
                if (content.Length == 0)
                {
                    continue;
                }

                if (content.StartsWith('-'))
                {
                    ReadOption(path, line, content, constraint, depth);
                }
                else
                {
                    ReadRequirement(path, line, content, constraint);
                }
            }
        }

        private void ReadOption(string path, int line, string content, bool constraint, int depth)
        {
            var (option, value) = SplitOption(content);
            switch (option)
            {
                case "-r" or "--requirement":
                    Include(path, line, value, constraint, depth);
                    break;
                case "-c" or "--constraint":
                    Include(path, line, value, constraint: true, depth);
                    break;
                case "-e" or "--editable":
                    Diagnostics.Add(Info(path, $"'{value}' is an editable install (a local project or VCS checkout), not a registry package; skipped", line));
                    break;
                default:
                    // Index, find-links, binary and hash-checking options change how pip resolves, not what is pinned.
                    break;
            }
        }

        private static (string Option, string Value) SplitOption(string content)
        {
            if (content.StartsWith("--", StringComparison.Ordinal))
            {
                var end = content.IndexOfAny([' ', '\t', '=']);
                return end < 0 ? (content, string.Empty) : (content[..end], content[(end + 1)..].Trim());
            }

            // Short options may be glued to their value: "-rbase.txt".
            return content.Length > 2 && !char.IsWhiteSpace(content[2])
                ? (content[..2], content[2..].Trim())
                : (content[..Math.Min(2, content.Length)], content.Length > 2 ? content[2..].Trim() : string.Empty);
        }

        private void Include(string path, int line, string target, bool constraint, int depth)
        {
            var kind = constraint ? "constraints file" : "requirements file";
            if (target.Length == 0)
            {
                Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, $"an include of a {kind} names no file", $"line {line}"));
                return;
            }

            if (UrlStart().IsMatch(target))
            {
                Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnreadableFile, path, $"the {kind} '{target}' is remote; it is not fetched, so what it lists is missing", $"line {line}"));
                return;
            }

            var directory = System.IO.Path.GetDirectoryName(path) ?? string.Empty;
            var full = FullPath(System.IO.Path.Combine(directory, target));
            if (!Visited.Add(full))
            {
                Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, $"'{target}' is already included (an include cycle or a repeat); not read again", $"line {line}"));
                return;
            }

            if (depth >= MaxIncludeDepth)
            {
                Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, $"includes nest more than {MaxIncludeDepth} deep; '{target}' is not read", $"line {line}"));
                return;
            }

            var bytes = related?.Invoke(full);
            if (bytes is null)
            {
                Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnreadableFile, path, $"the {kind} '{target}' ({full}) could not be read, so what it lists is missing", $"line {line}"));
                return;
            }

            Read(full, Encoding.UTF8.GetString(bytes), constraint, depth + 1);
        }

        private void ReadRequirement(string path, int line, string content, bool constraint)
        {
            var parts = OptionStart().Split(content, 2);
            var requirement = parts[0].Trim();
            var hashes = parts.Length > 1
                ? HashOption().Matches(parts[1]).Select(m => PypiPackages.Hash(m.Groups[1].Value)).OfType<ComponentHash>().ToList()
                : [];

            if (UrlStart().IsMatch(requirement) || IsPath(requirement))
            {
                Diagnostics.Add(Info(path, $"'{requirement}' is a URL or a local path, not a registry package; skipped", line));
                return;
            }

            var semicolon = requirement.IndexOf(';', StringComparison.Ordinal);
            var withoutMarker = (semicolon >= 0 ? requirement[..semicolon] : requirement).Trim();
            var match = RequirementLine().Match(withoutMarker);
            if (!match.Success)
            {
                Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, $"'{requirement}' is not a requirement; skipped", $"line {line}"));
                return;
            }

            var name = match.Groups["name"].Value;
            var spec = match.Groups["spec"].Value.Trim();
            if (spec.StartsWith('@'))
            {
                Diagnostics.Add(Info(path, $"'{name}' is installed from a direct reference ('{spec}'), not a registry; skipped", line));
                return;
            }

            if (spec.StartsWith('(') && spec.EndsWith(')'))
            {
                spec = spec[1..^1].Trim();
            }

            string? version = null;
            foreach (var clause in spec.Length == 0 ? [] : spec.Split(','))
            {
                var specifier = Specifier().Match(clause);
                if (!specifier.Success)
                {
                    Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, $"'{clause.Trim()}' in '{requirement}' is not a version specifier; skipped", $"line {line}"));
                    return;
                }

                var exact = specifier.Groups["version"].Value;
                if (specifier.Groups["op"].Value is "==" or "===" && !exact.Contains('*', StringComparison.Ordinal))
                {
                    version ??= exact;
                }
            }

            var entry = new PipRequirement(name, version, spec, hashes, path, line);
            (constraint ? Constraints : Requirements).Add(entry);
        }

        private static bool IsPath(string requirement) =>
            requirement.StartsWith('.') || requirement.StartsWith('/') || requirement.StartsWith('~')
            || requirement.Contains('\\', StringComparison.Ordinal)
            || (requirement.Contains('/', StringComparison.Ordinal) && !requirement.Contains(" @ ", StringComparison.Ordinal) && !requirement.Contains(';', StringComparison.Ordinal))
            || requirement.EndsWith(".whl", StringComparison.OrdinalIgnoreCase)
            || requirement.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase)
            || requirement.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

        private static Diagnostic Info(string path, string message, int line) =>
            new(DiagnosticSeverity.Info, DiagnosticCodes.UnsupportedFormat, message, path, $"line {line}");
    }
}
