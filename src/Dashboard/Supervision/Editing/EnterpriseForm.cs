using SmartPark.Contracts.Registry;
using SmartPark.ParkData.Entities;

namespace SmartPark.Dashboard.Supervision.Editing;

/// <summary>An enterprise as the edit page sends it, with the <see cref="Version"/> the page loaded.</summary>
public sealed record EnterpriseForm
{
    public string? NameZh { get; init; }
    public string? NameEn { get; init; }
    public string? CreditCode { get; init; }
    public string? Industry { get; init; }
    public double FloorAreaM2 { get; init; }
    public double LandAreaM2 { get; init; }
    public string? ContactName { get; init; }
    public string? ContactPhone { get; init; }
    public string? Status { get; init; }
    public string? DischargePermitNumber { get; init; }
    public DateOnly? DischargePermitExpiry { get; init; }
    public long Version { get; init; }

    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        errors.Required("nameZh", NameZh);
        errors.Length("nameEn", NameEn);
        errors.CreditCode("creditCode", ParkForm.Blank(CreditCode)?.ToUpperInvariant());
        errors.Required("industry", Industry);
        errors.Range("floorAreaM2", FloorAreaM2, 0, 10_000_000);
        errors.Range("landAreaM2", LandAreaM2, 0, 10_000_000);
        errors.Length("contactName", ContactName);
        errors.Length("contactPhone", ContactPhone, 40);
        errors.OneOf("status", Status, RenovationStatus.All);
        errors.Length("dischargePermitNumber", DischargePermitNumber, 64);
        return errors;
    }

    public void ApplyTo(Enterprise enterprise)
    {
        enterprise.NameZh = NameZh!.Trim();
        enterprise.NameEn = ParkForm.Blank(NameEn);
        // Codes are written in capitals; a lower-case paste is the same code.
        enterprise.CreditCode = ParkForm.Blank(CreditCode)?.ToUpperInvariant();
        enterprise.Industry = Industry!.Trim();
        enterprise.FloorAreaM2 = FloorAreaM2;
        enterprise.LandAreaM2 = LandAreaM2;
        enterprise.ContactName = ParkForm.Blank(ContactName);
        enterprise.ContactPhone = ParkForm.Blank(ContactPhone);
        enterprise.Status = Status!;
        enterprise.DischargePermitNumber = ParkForm.Blank(DischargePermitNumber);
        enterprise.DischargePermitExpiry = DischargePermitExpiry;
    }
}
