using System.Net;
using Mbk.Portal.Infrastructure.Persistence;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Mbk.Portal.Tests.Infrastructure.Persistence;

/// <summary>/healthz checks the database file with a fresh connection, so a file that is gone is reported at once.</summary>
public sealed class DatabaseHealthCheckTests : IAsyncLifetime
{
    private readonly PortalAppFactory _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task ShouldReportUnhealthyWithTheReasonWhenTheDatabaseFileCannotBeOpened()
    {
        using var client = _portal.CreateClient();
        (await client.GetStringAsync(new Uri("/healthz", UriKind.Relative))).ShouldBe("Healthy");
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(
            _portal.Services.GetRequiredService<PersistenceExtensions.DatabaseSettings>().ConnectionString).DataSource;
        var moved = file + ".moved";

        File.Move(file, moved);
        try
        {
            using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            var text = await response.Content.ReadAsStringAsync();
            text.ShouldStartWith("Unhealthy");
            text.ShouldContain(file);
            text.ShouldContain("kan inte öppnas");
        }
        finally
        {
            File.Move(moved, file);
        }

        (await client.GetStringAsync(new Uri("/healthz", UriKind.Relative))).ShouldBe("Healthy");
    }
}
