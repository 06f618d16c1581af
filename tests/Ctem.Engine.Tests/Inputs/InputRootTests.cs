using Ctem.Core.Model;
using Ctem.Engine.Inputs;
using Ctem.Testing;
using Xunit;

namespace Ctem.Engine.Tests.Inputs;

public sealed class InputRootTests
{
    // Paths relative to a temp tree holding app/package-lock.json, app/web/yarn.lock and lib/go.mod.
    [Theory]
    [InlineData("app", "app")]
    [InlineData("app/", "app")]
    [InlineData("app/package-lock.json", "app")]
    [InlineData("app/web/yarn.lock", "app/web")]
    [InlineData("app/package-lock.json|app/web/yarn.lock", "app")]
    [InlineData("app/web|lib/go.mod", "")]
    [InlineData("app/web/yarn.lock|app", "app")]
    public void Of_Inputs_IsTheirNearestCommonDirectory(string inputs, string root)
    {
        using var temp = Tree();

        var found = InputRoot.Of([.. inputs.Split('|').Select(p => Path.Combine(temp.Path, p))]);

        Assert.Equal(Path.GetFullPath(Path.Combine(temp.Path, root)).TrimEnd(Path.DirectorySeparatorChar), found);
    }

    [Fact]
    public void Of_FilesystemRoot_KeepsItsSeparator() =>
        Assert.Equal(Path.GetPathRoot(Path.GetTempPath()), InputRoot.Of([Path.GetPathRoot(Path.GetTempPath())!]));

    [Theory]
    [InlineData("app/web/yarn.lock", "line 12", "web/yarn.lock", 12)]
    [InlineData("app/package-lock.json", "/packages/node_modules~1a", "package-lock.json", null)]
    [InlineData("app/my deps/süß.json", null, "my deps/süß.json", null)]
    // An archive entry is placed at the archive, without the entry's line.
    [InlineData("app/sboms.zip!inner/sbom.json", "line 3", "sboms.zip", null)]
    public void PlaceOf_ComponentUnderRoot_IsRelativeWithLine(string file, string? pointer, string path, int? line)
    {
        using var temp = Tree();
        var root = InputRoot.Of([Path.Combine(temp.Path, "app")]);

        var place = InputRoot.PlaceOf(root, new SourceLocation(Path.Combine(temp.Path, file), pointer));

        Assert.Equal(new FilePlace(root, path, line), place);
    }

    private static TempDirectory Tree()
    {
        var temp = new TempDirectory();
        foreach (var file in new[] { "app/package-lock.json", "app/web/yarn.lock", "lib/go.mod" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(temp.File(file))!);
            File.WriteAllText(temp.File(file), "");
        }

        return temp;
    }
}
