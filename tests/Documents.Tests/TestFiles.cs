using System.Net.Http.Headers;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Platform.Documents.Tests;

/// <summary>Files to upload: a real PDF with a text layer, and multipart bodies.</summary>
public static class TestFiles
{
    public static byte[] Pdf(string text)
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        page.AddText(text, 12, new PdfPoint(40, 760), font);
        return builder.Build();
    }

    public static MultipartFormDataContent Form(byte[] content, string fileName, bool main = false, string contentType = "application/pdf")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        if (main) form.Add(new StringContent("true"), "main");
        return form;
    }
}
