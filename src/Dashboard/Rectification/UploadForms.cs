using Microsoft.AspNetCore.Http.Features;

namespace SmartPark.Dashboard.Rectification;

/// <summary>A multipart form with files, read under a limit set before a byte of it is read.</summary>
public sealed record StepUpload(IFormCollection Fields, List<UploadedFile> Files);

public static class UploadForms
{
    /// <summary>The form, or the answer that refuses it (413 over the limit, 415 not multipart, 400 unreadable).</summary>
    public static async Task<(StepUpload? Upload, IResult? Refusal)> ReadAsync(HttpContext http, RectificationOptions options, CancellationToken ct)
    {
        // Every file at its largest plus the text fields: the body is cut off there while it is read.
        var limit = options.MaxFilesPerUpload * options.MaxEvidenceBytes + 64 * 1024;
        if (http.Request.ContentLength > limit)
            return (null, Results.Problem($"the upload is larger than {limit} bytes", statusCode: StatusCodes.Status413PayloadTooLarge));
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            bodySize.MaxRequestBodySize = limit;
        if (!http.Request.HasFormContentType)
            return (null, Results.Problem("send the form as multipart/form-data", statusCode: StatusCodes.Status415UnsupportedMediaType));
        try
        {
            var form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit }, ct);
            if (form.Files.Count > options.MaxFilesPerUpload)
                return (null, Results.Problem($"at most {options.MaxFilesPerUpload} files at once", statusCode: StatusCodes.Status400BadRequest));
            var files = new List<UploadedFile>();
            foreach (var file in form.Files)
            {
                if (file.Length > options.MaxEvidenceBytes)
                    return (null, Results.Problem($"a file is larger than {options.MaxEvidenceBytes} bytes", statusCode: StatusCodes.Status413PayloadTooLarge));
                using var content = new MemoryStream((int)file.Length);
                await file.CopyToAsync(content, ct);
                files.Add(new UploadedFile(file.FileName, content.ToArray()));
            }
            return (new StepUpload(form, files), null);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Results.Problem($"the upload is larger than {limit} bytes", statusCode: StatusCodes.Status413PayloadTooLarge));
        }
        catch (InvalidDataException ex)
        {
            return (null, Results.Problem($"the form could not be read: {ex.Message}", statusCode: StatusCodes.Status400BadRequest));
        }
    }

    /// <summary>The files refused, as a 400 the page lists.</summary>
    public static IResult Refused(IEnumerable<string> reasons) =>
        Results.Json(new { title = "some files were refused", files = reasons }, statusCode: StatusCodes.Status400BadRequest);
}
