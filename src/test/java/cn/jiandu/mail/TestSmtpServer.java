package cn.jiandu.mail;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) on a port of its own that stays the same when the server is
 * stopped and started again, as a mail server going down and coming back would. Remembers every
 * mail received across restarts.
 */
final class TestSmtpServer {

    /**
     * A received copy of a mail: GreenMail keeps one copy per recipient, so a mail sent once to two
     * addresses is two copies with the same Message-ID, and a mail sent twice is twice as many.
     */
    record Received(String messageId, String from, List<String> to, String subject, String contentType,
            String text, String html) {
    }

    private final int port = freePort();
    private final List<Received> earlier = new ArrayList<>();
    private GreenMail greenMail;

    int port() {
        return port;
    }

    void start() {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    void stop() {
        if (greenMail == null) {
            return;
        }
        earlier.addAll(current());
        greenMail.stop();
        greenMail = null;
    }

    void forget() {
        earlier.clear();
        if (greenMail != null) {
            try {
                greenMail.purgeEmailFromAllMailboxes();
            } catch (FolderException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    List<Received> received() {
        List<Received> all = new ArrayList<>(earlier);
        all.addAll(current());
        return all;
    }

    List<Received> withSubject(String subject) {
        return received().stream().filter(mail -> mail.subject().equals(subject)).toList();
    }

    private List<Received> current() {
        if (greenMail == null) {
            return List.of();
        }
        return Arrays.stream(greenMail.getReceivedMessages()).map(TestSmtpServer::read).toList();
    }

    private static Received read(MimeMessage message) {
        try {
            String text = null;
            String html = null;
            if (message.getContent() instanceof Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    BodyPart part = parts.getBodyPart(i);
                    if (part.isMimeType("text/plain")) {
                        text = (String) part.getContent();
                    } else if (part.isMimeType("text/html")) {
                        html = (String) part.getContent();
                    }
                }
            } else {
                text = GreenMailUtil.getBody(message);
            }
            InternetAddress from = (InternetAddress) message.getFrom()[0];
            List<String> to = Arrays.stream(message.getAllRecipients())
                    .map(address -> ((InternetAddress) address).getAddress()).toList();
            return new Received(message.getMessageID(), from.getPersonal() + " <" + from.getAddress() + ">", to,
                    message.getSubject(), message.getContentType(), text, html);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read a received mail", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
