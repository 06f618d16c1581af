namespace Ctem.Plugins.Reports.Sarif.Packages;

/// <summary>The package a SARIF result without a purl is about: the producer's own convention first, then the paths any producer's files follow.</summary>
internal static class SarifPackageConventions
{
    private static readonly ISarifPackageConvention[] ByTool = [new TrivySarifConvention(), new GrypeSarifConvention(), new DependencyCheckSarifConvention()];
    private static readonly PackagePathConvention AnyTool = new();

    public static DerivedPackage? PackageOf(string tool, SarifResultFacts result) =>
        ByTool.FirstOrDefault(c => c.Applies(tool))?.PackageOf(result) ?? AnyTool.PackageOf(result);
}
