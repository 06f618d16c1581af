using Ctem.Core.Diagnostics;
using Ctem.Engine.Mobilization.Owners;
using Xunit;

namespace Ctem.Engine.Tests.Mobilization.Owners;

/// <summary>Issue 13: CODEOWNERS patterns as GitHub documents them ("About code owners", the example file).</summary>
public sealed class CodeOwnersTests
{
    /// <summary>Cases: pattern, path, whether the pattern covers the path.</summary>
    public static TheoryData<string, string, bool> Patterns => new()
    {
        { "*", "README.md", true },
        { "*", "src/deep/file.cs", true },
        { "*.js", "app.js", true },
        { "*.js", "web/lib/app.js", true },
        { "*.js", "web/lib/app.jsx", false },
        { "*.go", "main.go", true },
        // "/build/logs/" at the root only, and everything below it.
        { "/build/logs/", "build/logs/a.log", true },
        { "/build/logs/", "build/logs/x/y.log", true },
        { "/build/logs/", "src/build/logs/a.log", false },
        // "docs/*" matches files directly in docs at the root, not further nested.
        { "docs/*", "docs/getting-started.md", true },
        { "docs/*", "docs/build-app/troubleshooting.md", false },
        { "docs/*", "src/docs/x.md", false },
        // "apps/" names an apps directory anywhere.
        { "apps/", "apps/web/package.json", true },
        { "apps/", "services/apps/api/go.mod", true },
        { "apps/", "apps", false },
        // "/docs/" at the root; "**/logs" any logs directory.
        { "/docs/", "docs/a/b.md", true },
        { "**/logs", "logs/a.log", true },
        { "**/logs", "build/logs/a.log", true },
        { "**/logs", "deeply/nested/logs/x", true },
        { "/scripts/", "scripts/deploy.sh", true },
        { "/apps/github", "apps/github/x.ts", true },
        { "/apps/github", "apps/github", true },
        { "/apps/github", "apps/githubber/x.ts", false },
        { "frontend/**/package-lock.json", "frontend/package-lock.json", true },
        { "frontend/**/package-lock.json", "frontend/a/b/package-lock.json", true },
        { "package-lock.json", "frontend/package-lock.json", true },
        { "Dockerfile?", "Dockerfiles", true },
        { "Dockerfile?", "Dockerfile", false },
        // Paths as scans place them: leading slashes and backslashes are read as relative paths.
        { "/frontend/", "/frontend/yarn.lock", true },
        { "/frontend/", @"frontend\yarn.lock", true },
    };

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Matches_Case_AsGitHubReadsIt(string pattern, string path, bool matches)
    {
        var parsed = CodeOwnersPattern.Parse(pattern);

        Assert.Null(parsed.Error);
        Assert.Equal(matches, parsed.Pattern!.Matches(path));
    }

    [Fact]
    public void Read_GitHubStyleFile_KeepsRulesInOrderWithLinesAndOwners()
    {
        const string text = """
            # Default owners for everything in the repo.
            *       @global-owner1 @global-owner2

            *.js    @js-owner #This is an inline comment.
            /build/logs/ @doctocat
            docs/*  docs@example.com
            /apps/github
            \#notes.md @octo-org/notes
            """;

        var (rules, diagnostics) = CodeOwnersFile.Read("CODEOWNERS", text);

        Assert.Empty(diagnostics);
        Assert.Equal(
            ["2:*:@global-owner1 @global-owner2", "4:*.js:@js-owner", "5:/build/logs/:@doctocat", "6:docs/*:docs@example.com", "7:/apps/github:", "8:#notes.md:@octo-org/notes"],
            rules.Select(r => $"{r.Line}:{r.Pattern}:{string.Join(' ', r.Owners)}"));
    }

    [Theory]
    [InlineData("*.js @a\n!vendor/*.js @b", "2:1", "'!vendor/*.js': negated patterns are not supported in CODEOWNERS")]
    [InlineData("src/[a-z]*.cs @a", "1:1", "'src/[a-z]*.cs': character ranges are not supported in CODEOWNERS")]
    public void Read_LineGitHubRefuses_IsAnErrorAtItsLineAndNoRuleIsUsed(string text, string location, string message)
    {
        var (rules, diagnostics) = CodeOwnersFile.Read(".github/CODEOWNERS", text);

        Assert.Empty(rules);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticSeverity.Error, ".github/CODEOWNERS", location, message), (diagnostic.Severity, diagnostic.Path, diagnostic.Location, diagnostic.Message));
    }
}
