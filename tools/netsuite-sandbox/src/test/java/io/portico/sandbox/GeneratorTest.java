package io.portico.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class GeneratorTest {

  private static final String EVERYTHING = "SELECT t.id, t.tranid, t.type, t.status, t.foreigntotal, t.trandate, "
      + "t.duedate, TO_CHAR(t.lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS modified, c.companyname, c.email "
      + "FROM transaction t INNER JOIN customer c ON c.id = t.entity ORDER BY t.id";

  @Test
  void sameSeedSameDataOtherSeedOtherData() {
    try (NetSuiteSandbox a = NetSuiteSandbox.builder().seed(7).start();
         NetSuiteSandbox b = NetSuiteSandbox.builder().seed(7).start();
         NetSuiteSandbox c = NetSuiteSandbox.builder().seed(8).start()) {
      JsonNode fromA = new Client(a).suiteql(EVERYTHING).json().get("items");
      JsonNode fromB = new Client(b).suiteql(EVERYTHING).json().get("items");
      JsonNode fromC = new Client(c).suiteql(EVERYTHING).json().get("items");
      assertTrue(fromA.size() > 200);
      assertEquals(fromA, fromB);
      assertNotEquals(fromA, fromC);
      assertEquals(
          a.data().record("invoice", a.data().invoiceId(17)).orElseThrow().toString().replace(a.baseUrl(), ""),
          b.data().record("invoice", b.data().invoiceId(17)).orElseThrow().toString().replace(b.baseUrl(), ""));
    }
  }

  @Test
  void salesOrdersCreditMemosAndStatusesExist() {
    try (NetSuiteSandbox s = NetSuiteSandbox.builder().start()) {
      JsonNode byType = new Client(s).suiteql("SELECT type, status, COUNT(*) AS n FROM transaction "
          + "GROUP BY type, status ORDER BY type, status").json().get("items");
      String all = byType.toString();
      for (String expected : new String[] {"CustInvc", "SalesOrd", "CustPymt", "CustCred"}) {
        assertTrue(all.contains("\"" + expected + "\""), expected + " in " + all);
      }
      JsonNode applied = new Client(s).suiteql("SELECT COUNT(*) AS n FROM NextTransactionLineLink "
          + "WHERE nexttype = 'CustCred'").json().get("items").get(0);
      assertTrue(applied.get("n").asInt() > 0, "credit memos are applied to invoices");
    }
  }

  @Test
  void invoicePdfAttachmentsAreDownloadable() {
    try (NetSuiteSandbox s = NetSuiteSandbox.builder().start()) {
      Client client = new Client(s);
      JsonNode file = client.suiteql("SELECT id FROM file ORDER BY id", 1, 0).json().get("items").get(0);
      long fileId = file.get("id").asLong();
      long invoiceId = s.data().invoiceId((int) (fileId - 5001));
      JsonNode listed = client.get("/app/site/hosting/restlet.nl?script=customscript_portico_attachments"
          + "&deploy=customdeploy_portico_attachments&ids=" + invoiceId).json().get("items");
      assertEquals(1, listed.size());
      assertEquals(String.valueOf(fileId), listed.get(0).get("file_id").asText());
      assertTrue(listed.get(0).get("file_name").asText().endsWith(".pdf"));

      JsonNode content = client.get("/app/site/hosting/restlet.nl?script=customscript_portico_file"
          + "&deploy=customdeploy_portico_file&id=" + fileId).json();
      String pdf = new String(Base64.getDecoder().decode(content.get("contents").asText()));
      assertTrue(pdf.startsWith("%PDF-1.4") && pdf.trim().endsWith("%%EOF"));
      assertTrue(pdf.contains("startxref"));

      Client.Reply media = client.get(listed.get(0).get("file_url").asText());
      assertEquals(200, media.status());
      assertEquals("application/pdf", media.header("Content-Type"));
      assertEquals(400, client.get("/app/site/hosting/restlet.nl?script=customscript_other&deploy=1").status());
    }
  }
}
