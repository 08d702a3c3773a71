import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Downloads one file and checks its SHA-512, for ./mvnw on machines without curl or wget.
 * Usage: java Fetch.java URL SHA512 DEST
 */
public class Fetch {
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java Fetch.java URL SHA512 DEST");
            System.exit(2);
        }
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<InputStream> response = client.send(
                HttpRequest.newBuilder(URI.create(args[0])).build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            System.err.println("mvnw: " + args[0] + " answered HTTP " + response.statusCode());
            System.exit(1);
        }
        Path dest = Path.of(args[2]);
        Path partial = dest.resolveSibling(dest.getFileName() + ".part");
        try (InputStream in = response.body()) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(Files.readAllBytes(partial)));
        if (!actual.equalsIgnoreCase(args[1])) {
            Files.delete(partial);
            System.err.println("mvnw: checksum mismatch for " + args[0]);
            System.exit(1);
        }
        Files.move(partial, dest, StandardCopyOption.ATOMIC_MOVE);
    }
}
