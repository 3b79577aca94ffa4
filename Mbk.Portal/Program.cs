using Mbk.Portal;
using Mbk.Portal.Infrastructure.Configuration;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.Extensions.Options;

if (args.Length > 0 && args[0] == SqliteToPostgreSqlCopy.Command)
{
    // Moving an existing SQLite database to PostgreSQL (README, "Flera servrar"); the portal itself does not start.
    return await SqliteToPostgreSqlCopy.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddPortal();

var app = builder.Build();
try
{
    app.Services.ValidateSettings();
}
catch (OptionsValidationException ex)
{
    // Each bad setting on its own line, naming its key; nothing has been touched yet.
    foreach (var failure in ex.Failures)
    {
        await Console.Error.WriteLineAsync($"Mbk Portal kan inte starta: {failure}");
    }

    return 1;
}

try
{
    await app.InitializeDatabaseAsync();
}
catch (Exception ex) when (StartupFailure.Describe(ex, app.Configuration, app.Environment.ContentRootPath) is { } reason)
{
    // One line that names the path and what to do; no stack trace for an operator to decipher.
    await Console.Error.WriteLineAsync(reason);
    return 1;
}

app.MapPortal();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so the tests' WebApplicationFactory can host the portal.</summary>
public partial class Program;
