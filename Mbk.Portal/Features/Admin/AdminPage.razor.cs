using Mbk.Domain.Common;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Offices;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Mbk.Portal.Features.Admin;

public sealed partial class AdminPage
{
    private IReadOnlyList<StaffRow> _staff = [];
    private IReadOnlyList<OfficeRow> _offices = [];
    private StaffForm? _staffForm;
    private OfficeForm _officeForm = new();
    private string? _newPassword;
    private string? _error;
    private StaffContext _actor = default!;

    [Inject]
    private StaffAdminService StaffAdmin { get; set; } = default!;

    [Inject]
    private OfficeCommands OfficeCommands { get; set; } = default!;

    [Inject]
    private OfficeQueries OfficeQueries { get; set; } = default!;

    [Inject]
    private StaffSession Session { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _actor = await Session.RequireAsync();
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _staff = await StaffAdmin.ListAsync();
        _offices = await OfficeQueries.ListOfficesAsync();
    }

    private static Dictionary<string, object?> Test(string id) => new() { ["data-testid"] = id };

    /// <summary>The select's value for "not a member of this office".</summary>
    private const string NotMember = "";

    private string OfficeName(int id) => _offices.FirstOrDefault(o => o.Id == id)?.Name ?? $"#{id}";

    private string OfficesText(StaffRow row)
    {
        var parts = row.Offices.Select(o => $"{OfficeName(o.OfficeId)} ({StaffRoles.SwedishName(o.Role)})").ToList();
        if (row.IsAdmin)
        {
            parts.Insert(0, StaffRoles.SwedishName(StaffRoles.Admin));
        }

        return string.Join(", ", parts);
    }

    private void NewStaff()
    {
        _staffForm = new StaffForm();
        _error = null;
    }

    private void EditStaff(StaffRow row)
    {
        _staffForm = new StaffForm
        {
            Id = row.Id,
            DisplayName = row.DisplayName,
            Email = row.Email,
            IsAdmin = row.IsAdmin,
            OfficeRoles = row.Offices.ToDictionary(o => o.OfficeId, o => o.Role),
        };
        _newPassword = null;
        _error = null;
    }

    private Task SaveStaffAsync() => RunAsync(async () =>
    {
        var form = _staffForm!;
        var offices = _offices.Where(o => form.OfficeRoles.ContainsKey(o.Id)).Select(o => new OfficeRole(o.Id, form.OfficeRoles[o.Id])).ToList();
        var input = new StaffInput(form.Email ?? string.Empty, form.DisplayName ?? string.Empty, form.IsAdmin, offices);
        if (form.Id is null)
        {
            await StaffAdmin.CreateAsync(_actor, input, form.Password ?? string.Empty);
            Snackbar.Add($"Kontot för {form.DisplayName} är skapat.", Severity.Success);
        }
        else
        {
            await StaffAdmin.UpdateAsync(_actor, form.Id, input);
            Snackbar.Add($"Kontot för {form.DisplayName} är ändrat.", Severity.Success);
        }

        _staffForm = null;
    });

    private Task SetActiveAsync(StaffRow row, bool active) => RunAsync(async () =>
    {
        await StaffAdmin.SetActiveAsync(_actor, row.Id, active);
        Snackbar.Add(active ? $"{row.DisplayName} kan logga in igen." : $"{row.DisplayName} är inaktiverad och kan inte logga in.", Severity.Info);
    });

    private Task ResetPasswordAsync() => RunAsync(async () =>
    {
        await StaffAdmin.ResetPasswordAsync(_actor, _staffForm!.Id!, _newPassword ?? string.Empty);
        _newPassword = null;
        Snackbar.Add("Det nya lösenordet gäller från nu. Lämna det till personen på ett säkert sätt.", Severity.Success);
    });

    private void EditOffice(OfficeRow row) =>
        _officeForm = new OfficeForm { Id = row.Id, Name = row.Name, Slug = row.Slug, IsActive = row.IsActive };

    private Task SaveOfficeAsync() => RunAsync(async () =>
    {
        if (_officeForm.Id is { } id)
        {
            await OfficeCommands.UpdateOfficeAsync(_actor, id, _officeForm.Name ?? string.Empty, _officeForm.Slug ?? string.Empty, _officeForm.IsActive);
        }
        else
        {
            await OfficeCommands.CreateOfficeAsync(_actor, _officeForm.Name ?? string.Empty, _officeForm.Slug ?? string.Empty);
        }

        Snackbar.Add($"Kontoret {_officeForm.Name} är sparat.", Severity.Success);
        _officeForm = new OfficeForm();
    });

    /// <summary>Runs an admin action; a refused action shows its reason and keeps the form as typed.</summary>
    private async Task RunAsync(Func<Task> action)
    {
        try
        {
            _error = null;
            await action();
            await ReloadAsync();
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
    }

    private sealed class StaffForm
    {
        public string? Id { get; init; }

        public string? DisplayName { get; set; }

        public string? Email { get; set; }

        public string? Password { get; set; }

        public bool IsAdmin { get; set; }

        /// <summary>The offices the person belongs to, each with the role there.</summary>
        public Dictionary<int, string> OfficeRoles { get; init; } = [];

        public string RoleIn(int officeId) => OfficeRoles.GetValueOrDefault(officeId, NotMember);

        public void SetRole(int officeId, string? role)
        {
            if (string.IsNullOrEmpty(role))
            {
                OfficeRoles.Remove(officeId);
            }
            else
            {
                OfficeRoles[officeId] = role;
            }
        }
    }

    private sealed class OfficeForm
    {
        public int? Id { get; init; }

        public string? Name { get; set; }

        public string? Slug { get; set; }

        public bool IsActive { get; set; } = true;
    }
}
