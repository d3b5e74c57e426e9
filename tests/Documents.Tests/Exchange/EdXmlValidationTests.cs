using System.Text;
using System.Xml.Linq;
using Platform.Documents.Exchange;
using static Platform.Documents.Tests.Exchange.ExchangeSamples;

namespace Platform.Documents.Tests.Exchange;

public sealed class EdXmlValidationTests
{
    private static readonly XNamespace E = EdXml.Namespace;

    private static XDocument Written() => EdXmlWriter.Write(Package());

    private static EdXmlException Refused(XDocument xml) =>
        Assert.Throws<EdXmlException>(() => EdXmlReader.Read(XDocument.Parse(xml.ToString())))!;

    [Test]
    public void A_tampered_attachment_is_refused_by_its_hash()
    {
        var xml = Written();
        var value = xml.Root!.Element(E + "AttachmentEncoded")!.Elements(E + "Attachment").Last().Element(E + "Value")!;
        value.Value = Convert.ToBase64String(Encoding.UTF8.GetBytes("%PDF-1.7 phụ lục đã sửa"));
        var error = Refused(xml);
        Assert.That(error.Problems.Single(), Does.Contain("không khớp mã băm SHA-256"));
        Assert.That(error.StatusCode, Is.EqualTo(400));
    }

    [Test]
    public void A_package_in_another_namespace_is_refused()
    {
        var xml = XDocument.Parse(Written().ToString().Replace(EdXml.Namespace, "http://example.org/edxml", StringComparison.Ordinal));
        Assert.That(Refused(xml).Problems.Single(), Does.Contain("không gian tên"));
    }

    [TestCase("Subject")]
    [TestCase("DocumentId")]
    [TestCase("From")]
    [TestCase("Code")]
    [TestCase("SignerInfo")]
    public void A_package_missing_a_required_header_element_is_refused(string element)
    {
        var xml = Written();
        xml.Descendants(E + "MessageHeader").Single().Element(E + element)!.Remove();
        Assert.That(Refused(xml).Problems, Has.Some.Contains("sai lược đồ edXML"));
    }

    [Test]
    public void A_business_kind_outside_0_to_3_is_refused()
    {
        var xml = Written();
        xml.Descendants(E + "BussinessDocType").Single().Value = "7";
        Assert.That(Refused(xml).Problems, Has.Some.Contains("sai lược đồ edXML"));
    }

    [Test]
    public void An_attachment_the_manifest_does_not_list_is_refused()
    {
        var xml = Written();
        xml.Descendants(E + "Reference").Last().Remove();
        Assert.That(Refused(xml).Problems.Single(), Does.Contain("không có trong Manifest"));
    }

    [Test]
    public void A_manifest_reference_without_its_file_is_refused()
    {
        var xml = Written();
        xml.Descendants(E + "Attachment").Last().Remove();
        Assert.That(Refused(xml).Problems, Has.Some.Contains("không mang tệp đó"));
    }

    [Test]
    public void A_document_id_of_another_agency_is_refused()
    {
        var xml = Written();
        xml.Descendants(E + "DocumentId").Single().Value = "000.00.09.H56,2026/11/23,05/QĐ-UBND";
        Assert.That(Refused(xml).Problems.Single(), Does.Contain("không bắt đầu bằng mã cơ quan gửi"));
    }

    [Test]
    public void A_document_id_longer_than_we_can_keep_is_refused_by_the_schema()
    {
        var xml = Written();
        var id = xml.Descendants(E + "DocumentId").Single();
        id.Value = id.Value + new string('X', 100);
        Assert.That(Refused(xml).Problems.Single(), Does.Contain("sai lược đồ edXML"));
    }

    [Test]
    public void Text_that_is_not_xml_or_carries_a_dtd_is_refused()
    {
        Assert.Throws<EdXmlException>(() => EdXmlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes("không phải xml"))));
        const string withEntity = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";
        Assert.Throws<EdXmlException>(() => EdXmlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(withEntity))));
    }

    [Test]
    public void A_package_written_by_another_vendor_is_read()
    {
        // As a different vendor writes it: another prefix, several recipients, extra elements we do
        // not use, no carried signature, dates with an offset.
        const string package = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ns2:edXML xmlns:ns2="http://www.mic.gov.vn/TBT/QCVN_102_2016">
              <ns2:edXMLEnvelope>
                <ns2:edXMLHeader>
                  <ns2:MessageHeader>
                    <ns2:From>
                      <ns2:OrganId>000.00.00.G12</ns2:OrganId>
                      <ns2:OrganizationInCharge>Bộ Tài chính</ns2:OrganizationInCharge>
                      <ns2:OrganName>Bộ Tài chính</ns2:OrganName>
                      <ns2:OrganAdd>28 Trần Hưng Đạo, Hà Nội</ns2:OrganAdd>
                    </ns2:From>
                    <ns2:To>
                      <ns2:OrganId>000.00.00.H56</ns2:OrganId>
                      <ns2:OrganName>UBND tỉnh</ns2:OrganName>
                    </ns2:To>
                    <ns2:To>
                      <ns2:OrganId>000.00.00.H26</ns2:OrganId>
                      <ns2:OrganName>UBND tỉnh khác</ns2:OrganName>
                    </ns2:To>
                    <ns2:Code><ns2:CodeNumber>1234</ns2:CodeNumber><ns2:CodeNotation>BTC-NSNN</ns2:CodeNotation></ns2:Code>
                    <ns2:PromulgationInfo><ns2:Place>Hà Nội</ns2:Place><ns2:PromulgationDate>2026-11-20+07:00</ns2:PromulgationDate></ns2:PromulgationInfo>
                    <ns2:DocumentType><ns2:Type>2</ns2:Type><ns2:TypeName>Công văn</ns2:TypeName></ns2:DocumentType>
                    <ns2:Subject>V/v hướng dẫn lập dự toán ngân sách năm 2027</ns2:Subject>
                    <ns2:SignerInfo><ns2:Competence>KT. BỘ TRƯỞNG</ns2:Competence><ns2:Position>THỨ TRƯỞNG</ns2:Position><ns2:FullName>Trần Thị C</ns2:FullName></ns2:SignerInfo>
                    <ns2:ToPlaces><ns2:Place>UBND các tỉnh, thành phố</ns2:Place></ns2:ToPlaces>
                    <ns2:OtherInfo>
                      <ns2:Priority>1</ns2:Priority>
                      <ns2:SphereOfPromulgation>Toàn quốc</ns2:SphereOfPromulgation>
                      <ns2:TyperNotation>TVC</ns2:TyperNotation>
                      <ns2:PromulgationAmount>70</ns2:PromulgationAmount>
                      <ns2:PageAmount>2</ns2:PageAmount>
                      <ns2:Appendixes><ns2:Appendix>Biểu mẫu</ns2:Appendix></ns2:Appendixes>
                    </ns2:OtherInfo>
                    <ns2:DocumentId>000.00.00.G12,2026/11/20,1234/BTC-NSNN</ns2:DocumentId>
                    <ns2:ResponseFor/>
                  </ns2:MessageHeader>
                  <ns2:TraceHeaderList>
                    <ns2:TraceHeader><ns2:OrganId>000.00.00.G12</ns2:OrganId><ns2:Timestamp>2026-11-20T15:30:00+07:00</ns2:Timestamp></ns2:TraceHeader>
                    <ns2:Bussiness>
                      <ns2:BussinessDocType>0</ns2:BussinessDocType>
                      <ns2:BussinessDocReason/>
                      <ns2:BussinessDocumentInfo/>
                    </ns2:Bussiness>
                  </ns2:TraceHeaderList>
                </ns2:edXMLHeader>
                <ns2:edXMLBody>
                  <ns2:Manifest>
                    <ns2:Reference>
                      <ns2:ContentId>cid:1</ns2:ContentId>
                      <ns2:ContentType>application/pdf</ns2:ContentType>
                      <ns2:AttachmentName>1234-BTC-NSNN.pdf</ns2:AttachmentName>
                      <ns2:Sha256>HASH</ns2:Sha256>
                    </ns2:Reference>
                  </ns2:Manifest>
                </ns2:edXMLBody>
              </ns2:edXMLEnvelope>
              <ns2:AttachmentEncoded>
                <ns2:Attachment>
                  <ns2:ContentId>cid:1</ns2:ContentId>
                  <ns2:AttachmentName>1234-BTC-NSNN.pdf</ns2:AttachmentName>
                  <ns2:ContentType>application/pdf</ns2:ContentType>
                  <ns2:ContentTransferEncoded>base64</ns2:ContentTransferEncoded>
                  <ns2:Value>BASE64</ns2:Value>
                </ns2:Attachment>
              </ns2:AttachmentEncoded>
            </ns2:edXML>
            """;
        var file = Encoding.UTF8.GetBytes("%PDF-1.4 công văn 1234");
        var xml = package
            .Replace("HASH", Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(file)), StringComparison.Ordinal)
            .Replace("BASE64", Convert.ToBase64String(file), StringComparison.Ordinal);

        var read = EdXmlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)));
        Assert.Multiple(() =>
        {
            Assert.That(read.Header.From, Is.EqualTo(new Organization("000.00.00.G12", "Bộ Tài chính", "Bộ Tài chính")));
            Assert.That(read.Header.To.OrganId, Is.EqualTo("000.00.00.H56"));
            Assert.That(read.Header.Code.ToString(), Is.EqualTo("1234/BTC-NSNN"));
            Assert.That(read.Header.PromulgationDate, Is.EqualTo(new DateOnly(2026, 11, 20)));
            Assert.That(read.Header.Signer, Is.EqualTo(new SignerInfo("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Trần Thị C")));
            Assert.That(read.Header.Content, Is.Null);
            Assert.That(read.Header.Other, Is.EqualTo(new OtherInfo(1, "Toàn quốc", 70, 2)));
            Assert.That(read.Trace.Traces.Single().Timestamp, Is.EqualTo(new DateTimeOffset(2026, 11, 20, 8, 30, 0, TimeSpan.Zero)));
            Assert.That(read.Trace.Reason, Is.Null);
            Assert.That(read.Attachments.Single().Content, Is.EqualTo(file));
            Assert.That(read.Signatures, Is.Empty);
        });
    }
}
