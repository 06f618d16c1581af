namespace Ctem.Storage;

/// <summary>One numbered schema script, e.g. <c>0001_initial.sql</c> is version 1 named "initial".</summary>
internal sealed record Migration(int Version, string Name, string Resource)
{
    public string Sql => MigrationCatalog.Read(Resource);
}
