using System.Diagnostics;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Mbk.Portal.Infrastructure.Persistence;

/// <summary>
/// Moves an existing portal's data from its SQLite file to an empty PostgreSQL database (the command
/// <c>dotnet run --project Mbk.Portal -- copy-to-postgresql --from data/mbk-portal.db --to 'Host=…;Database=mbk;…'</c>).
/// Both databases are brought to the latest migration first; then every table of the model is copied row by row with
/// its keys (parents before children, each table in key order, through EF Core so each provider's own storage of
/// instants, dates and flags is converted), the identity sequences are moved past the copied keys, and the row counts
/// are compared. The copy runs in one PostgreSQL transaction: it either copies everything or leaves the target empty.
/// The SQLite file is only read (apart from its pending migrations). Login keys are not copied (on SQLite they are
/// files): everybody signs in once more.
/// </summary>
public static class SqliteToPostgreSqlCopy
{
    public const string Command = "copy-to-postgresql";

    private const int Batch = 2_000;

    private static readonly MethodInfo CopyTableMethod =
        typeof(SqliteToPostgreSqlCopy).GetMethod(nameof(CopyTableAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Runs the command line (<c>copy-to-postgresql --from FILE --to CONNECTION</c>); returns the exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var from = Value(args, "--from");
        var to = Value(args, "--to");
        if (from is null || to is null)
        {
            await error.WriteLineAsync("Användning: copy-to-postgresql --from <SQLite-fil> --to '<PostgreSQL-anslutning>'");
            return 2;
        }

        if (!File.Exists(from))
        {
            await error.WriteLineAsync($"SQLite-filen {Path.GetFullPath(from)} finns inte.");
            return 2;
        }

        try
        {
            var counts = await CopyAsync($"Data Source={Path.GetFullPath(from)}", to, output, cancellationToken);
            await output.WriteLineAsync($"Klart: {counts.Values.Sum()} rader i {counts.Count} tabeller flyttade till PostgreSQL.");
            return 0;
        }
        catch (InvalidOperationException ex)
        {
            await error.WriteLineAsync("Flytten avbröts, inget har sparats i PostgreSQL: " + ex.Message);
            return 1;
        }
    }

    /// <summary>Copies every table; returns the rows copied per table.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> CopyAsync(string sqliteConnectionString, string postgreSqlConnectionString, TextWriter log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        await using var source = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(sqliteConnectionString)
            .AddInterceptors(ConnectionSetup.ForSqlite(5000)).Options);
        await using var target = new PostgreSqlPortalDbContext(new DbContextOptionsBuilder<PortalDbContext>()
            .UseNpgsql(postgreSqlConnectionString, npgsql => npgsql.CommandTimeout(600)).Options);
        await source.Database.MigrateAsync(cancellationToken);
        await target.Database.MigrateAsync(cancellationToken);
        if (await target.Offices.AnyAsync(cancellationToken) || await target.Users.AnyAsync(cancellationToken))
        {
            throw new InvalidOperationException("PostgreSQL-databasen innehåller redan kontor eller konton. Flytta bara till en tom databas.");
        }

        source.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        target.ChangeTracker.AutoDetectChangesEnabled = false;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var transaction = await target.Database.BeginTransactionAsync(cancellationToken);
        foreach (var entityType in InDependencyOrder(target.Model))
        {
            var table = entityType.GetTableName()!;
            var watch = Stopwatch.StartNew();
            var task = (Task<int>)CopyTableMethod.MakeGenericMethod(entityType.ClrType).Invoke(null, [source, target, entityType, cancellationToken])!;
            var rows = await task;
            counts[table] = rows;
            await ResetIdentityAsync(target, entityType, cancellationToken);
            await log.WriteLineAsync($"{table}: {rows} rader ({watch.Elapsed.TotalSeconds:F1} s)");
        }

        await transaction.CommitAsync(cancellationToken);
        return counts;
    }

    /// <summary>
    /// Tables that hold rows of their own (owned types travel with their owner), parents first; not the derived tally
    /// summaries, which the target's triggers fill as the tallies arrive.
    /// </summary>
    private static List<IEntityType> InDependencyOrder(IModel model)
    {
        var types = model.GetEntityTypes()
            .Where(t => !t.IsOwned() && t.GetTableName() is not null && t.BaseType is null && !t.HasSharedClrType
                && t.FindAnnotation(Configurations.DerivedTables.Annotation) is null)
            .OrderBy(t => t.GetTableName(), StringComparer.Ordinal)
            .ToList();
        var ordered = new List<IEntityType>();
        var placed = new HashSet<IEntityType>();
        while (ordered.Count < types.Count)
        {
            var ready = types.Where(t => !placed.Contains(t)
                && t.GetForeignKeys().Select(fk => fk.PrincipalEntityType.GetRootType()).All(p => p == t || placed.Contains(p) || p.IsOwned()))
                .ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("Tabellernas beroenden går runt i en cirkel: " + string.Join(", ", types.Where(t => !placed.Contains(t)).Select(t => t.GetTableName())));
            }

            ordered.AddRange(ready);
            placed.UnionWith(ready);
        }

        return ordered;
    }

    private static async Task<int> CopyTableAsync<TEntity>(PortalDbContext source, PortalDbContext target, IEntityType entityType, CancellationToken cancellationToken)
        where TEntity : class
    {
        IQueryable<TEntity> rows = source.Set<TEntity>();
        var key = entityType.FindPrimaryKey()!.Properties;
        IOrderedQueryable<TEntity> ordered = rows.OrderBy(e => EF.Property<object>(e, key[0].Name));
        foreach (var part in key.Skip(1))
        {
            ordered = ordered.ThenBy(e => EF.Property<object>(e, part.Name));
        }

        var copied = 0;
        var pending = 0;
        await foreach (var row in ordered.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            target.Add(row);
            copied++;
            if (++pending == Batch)
            {
                await target.SaveChangesAsync(cancellationToken);
                target.ChangeTracker.Clear();
                pending = 0;
            }
        }

        await target.SaveChangesAsync(cancellationToken);
        target.ChangeTracker.Clear();
        var inTarget = await target.Set<TEntity>().CountAsync(cancellationToken);
        if (inTarget != copied)
        {
            throw new InvalidOperationException($"{entityType.GetTableName()}: {copied} rader lästa men {inTarget} i PostgreSQL.");
        }

        return copied;
    }

    /// <summary>Moves an identity column's sequence past the copied keys, so the next new row gets a free key.</summary>
    private static async Task ResetIdentityAsync(PortalDbContext target, IEntityType entityType, CancellationToken cancellationToken)
    {
        var key = entityType.FindPrimaryKey()!.Properties;
        if (key.Count != 1 || key[0].ClrType != typeof(int) && key[0].ClrType != typeof(long) || key[0].ValueGenerated != ValueGenerated.OnAdd)
        {
            return;
        }

        var table = entityType.GetTableName()!.Replace("\"", "\"\"", StringComparison.Ordinal);
        var column = key[0].GetColumnName().Replace("\"", "\"\"", StringComparison.Ordinal);
        var schema = entityType.GetSchema() is { } s ? $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"." : string.Empty;
#pragma warning disable EF1002, EF1003 // Names come from the model, quoted; no user input.
        await target.Database.ExecuteSqlRawAsync(
            $"SELECT setval(pg_get_serial_sequence('{schema.Replace("'", "''", StringComparison.Ordinal)}\"{table.Replace("'", "''", StringComparison.Ordinal)}\"', '{column.Replace("'", "''", StringComparison.Ordinal)}'), " +
            $"COALESCE((SELECT MAX(\"{column}\") FROM {schema}\"{table}\"), 1), (SELECT COUNT(*) > 0 FROM {schema}\"{table}\"));",
            cancellationToken);
#pragma warning restore EF1002, EF1003
    }

    private static string? Value(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == name)
            {
                return args[i + 1];
            }
        }

        return null;
    }
}
