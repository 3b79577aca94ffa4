using Mbk.Domain.Common;
using Mbk.Domain.Offices;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Tests.Infrastructure;

/// <summary>Events reach the live bus once, and only after the change is durable, on a real SQLite file.</summary>
public sealed class OfficeEventDispatcherTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private readonly List<IOfficeEvent> _published = [];

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _database.Bus.SubscribeAll(e => { _published.Add(e); return Task.CompletedTask; });
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ShouldPublishOnceAfterSaveChanges()
    {
        var office = await _database.AddOfficeAsync();
        await using var db = _database.CreateDbContext();
        var tracked = await db.Offices.SingleAsync(o => o.Id == office.Id);

        tracked.SetMessageOfTheDay("Hej", "Maria", DateTimeOffset.UtcNow);
        await _database.Bus.WhenDeliveredAsync();
        _published.ShouldBeEmpty();
        await db.SaveChangesAsync();
        await db.SaveChangesAsync();

        await _database.Bus.WhenDeliveredAsync();

        _published.ShouldHaveSingleItem().OfficeId.ShouldBe(office.Id);
    }

    [Fact]
    public async Task ShouldPublishOnlyAfterCommitWhenTransactionIsOpen()
    {
        var office = await _database.AddOfficeAsync();
        await using var db = _database.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var tracked = await db.Offices.SingleAsync(o => o.Id == office.Id);
        tracked.SetMessageOfTheDay("Hej", "Maria", DateTimeOffset.UtcNow);

        await db.SaveChangesAsync();
        await _database.Bus.WhenDeliveredAsync();
        _published.ShouldBeEmpty();
        await transaction.CommitAsync();

        await _database.Bus.WhenDeliveredAsync();

        _published.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ShouldPublishNothingWhenTransactionRollsBack()
    {
        var office = await _database.AddOfficeAsync();
        await using (var db = _database.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var tracked = await db.Offices.SingleAsync(o => o.Id == office.Id);
            tracked.SetMessageOfTheDay("Hej", "Maria", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        await _database.Bus.WhenDeliveredAsync();

        _published.ShouldBeEmpty();
        await using var check = _database.CreateDbContext();
        (await check.Offices.SingleAsync(o => o.Id == office.Id)).MessageOfTheDay.ShouldBeNull();
    }

    [Fact]
    public async Task ShouldPublishNothingWhenSaveFails()
    {
        var office = await _database.AddOfficeAsync("Första", "forsta");
        await using var db = _database.CreateDbContext();
        var tracked = await db.Offices.SingleAsync(o => o.Id == office.Id);
        tracked.SetMessageOfTheDay("Hej", "Maria", DateTimeOffset.UtcNow);
        db.Offices.Add(Office.Create("Dubblett", "forsta"));

        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());

        await _database.Bus.WhenDeliveredAsync();

        _published.ShouldBeEmpty();
    }
}
