using Mbk.Portal;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortal();

var app = builder.Build();
await app.InitializeDatabaseAsync();
app.MapPortal();
await app.RunAsync();

/// <summary>Entry point; public so the tests' WebApplicationFactory can host the portal.</summary>
public partial class Program;
