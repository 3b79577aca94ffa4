using Mbk.Portal.Infrastructure.Persistence;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Mbk.Portal.Tests.Infrastructure.Persistence;

/// <summary>Both providers' migration sets describe today's model, and the settings choose between them.</summary>
public sealed class ProviderModelTests
{
    [Fact]
    public void ShouldHaveNoModelChangesWithoutAMigrationOnSqlite()
    {
        using var db = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite("Data Source=:memory:").Options);

        db.Database.HasPendingModelChanges().ShouldBeFalse("add a migration: dotnet ef migrations add <Name> --project Mbk.Portal --context PortalDbContext");
    }

    [Fact]
    public void ShouldHaveNoModelChangesWithoutAMigrationOnPostgreSql()
    {
        using var db = new PostgreSqlPortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseNpgsql("Host=localhost;Database=unused").Options);

        db.Database.HasPendingModelChanges().ShouldBeFalse(
            "add a migration: dotnet ef migrations add <Name> --project Mbk.Portal --context PostgreSqlPortalDbContext --output-dir Infrastructure/Persistence/Migrations/PostgreSql");
    }

    [Fact]
    public void ShouldChoosePostgreSqlWithItsConnectionStringWhenConfigured()
    {
        var settings = PersistenceExtensions.DatabaseSettings.From(Configuration(("Database:Provider", "postgresql"), ("ConnectionStrings:Portal", "Host=db;Database=mbk")), TestPaths.NewTempDirectory("provider"));

        settings.IsPostgreSql.ShouldBeTrue();
        settings.ConnectionString.ShouldBe("Host=db;Database=mbk");
    }

    [Fact]
    public void ShouldRefuseAnUnknownProviderAndPostgreSqlWithoutAConnectionString()
    {
        Should.Throw<InvalidOperationException>(() => PersistenceExtensions.DatabaseSettings.From(Configuration(("Database:Provider", "Oracle")), TestPaths.NewTempDirectory("provider")))
            .Message.ShouldContain("'Sqlite' or 'PostgreSql'");
        Should.Throw<InvalidOperationException>(() => PersistenceExtensions.DatabaseSettings.From(Configuration(("Database:Provider", "PostgreSql")), TestPaths.NewTempDirectory("provider")))
            .Message.ShouldContain("ConnectionStrings:Portal");
    }

    [Fact]
    public void ShouldCreateThePostgreSqlContextWhenThatProviderIsChosen()
    {
        var settings = new PersistenceExtensions.DatabaseSettings(PersistenceExtensions.DatabaseSettings.PostgreSql, "Host=localhost;Database=unused", 1000);
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        PersistenceExtensions.Configure(options, settings, new OfficeEventDispatcher(new Mbk.Portal.Infrastructure.Live.InProcessLiveEventBus(Microsoft.Extensions.Logging.Abstractions.NullLogger<Mbk.Portal.Infrastructure.Live.InProcessLiveEventBus>.Instance)));

        using var db = new PortalDbContextFactory(options.Options, settings).CreateDbContext();

        db.ShouldBeOfType<PostgreSqlPortalDbContext>();
        db.Database.IsNpgsql().ShouldBeTrue();
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
