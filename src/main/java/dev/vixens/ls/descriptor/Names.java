package dev.vixens.ls.descriptor;

import java.util.regex.Pattern;

/**
 * The character rules for everything a user names. Paths end up inside shell scripts and S3 keys, names
 * inside Kubernetes objects; anything outside these sets is refused rather than escaped, and scripts still
 * quote every path.
 */
public final class Names {

    /** Letters, digits, '.', '_', '-', '/' and space: nothing a shell or YAML could read as syntax. */
    private static final Pattern PATH_CHARS = Pattern.compile("[A-Za-z0-9._/ -]*");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]{0,62}");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern ENDPOINT = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?/?");
    private static final String REPO_PART = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final Pattern IMAGE_REPOSITORY = Pattern.compile(
            "(?:[a-zA-Z0-9](?:[a-zA-Z0-9.-]*[a-zA-Z0-9])?(?::[0-9]{1,5})?/)?" + REPO_PART + "(?:/" + REPO_PART + ")*");
    private static final Pattern IMAGE_TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}");
    /** The rule for a DNS label of at most {@code max} characters, as messages state it. */
    public static String labelRule(int max) {
        return "at most " + max + " lower-case letters, digits and '-', starting and ending with a letter or digit";
    }

    /**
     * The replica path of a database whose descriptor gives none: the app, then the file below the data volume
     * (import uses it too, to tell whether an existing replica needs an explicit one).
     */
    public static String defaultReplicaPath(String app, String mountPath, String databasePath) {
        return app + "/" + databasePath.substring(mountPath.length() + 1);
    }

    public static final String DNS_SUBDOMAIN_RULE = "at most 253 lower-case letters, digits, '-' and '.'";

    private Names() {
    }

    /** Null when {@code path} is a safe absolute path, else the reason. */
    public static String absolutePathProblem(String path) {
        if (!path.startsWith("/")) {
            return "must be an absolute path (start with /)";
        }
        return pathProblem(path.substring(1));
    }

    /** Null when {@code path} is a safe path relative to something, else the reason. */
    public static String relativePathProblem(String path) {
        if (path.startsWith("/")) {
            return "must be relative (no leading '/')";
        }
        return pathProblem(path);
    }

    private static String pathProblem(String rest) {
        if (rest.isEmpty()) {
            return "must name a file or directory below /";
        }
        if (!PATH_CHARS.matcher(rest).matches()) {
            int bad = firstBad(rest);
            return "contains " + describe(rest.codePointAt(bad)) + "; paths may use only letters, digits, '.', '_',"
                    + " '-', '/' and space";
        }
        for (String segment : rest.split("/", -1)) {
            if (segment.isEmpty()) {
                return "has an empty segment ('//' or a trailing '/')";
            }
            if (segment.equals("..")) {
                return "contains a '..' segment; paths may not climb out of their directory";
            }
            if (segment.equals(".")) {
                return "contains a '.' segment; write the path without it";
            }
            if (!segment.equals(segment.strip())) {
                return "has a segment that starts or ends with a space";
            }
        }
        return null;
    }

    private static int firstBad(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!PATH_CHARS.matcher(String.valueOf(text.charAt(i))).matches()) {
                return i;
            }
        }
        return 0;
    }

    /** The offending character as a reader can see it, even when it is invisible or a quote. */
    private static String describe(int codePoint) {
        if (codePoint == '\n') {
            return "a newline";
        }
        if (codePoint == '\t') {
            return "a tab";
        }
        if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)
                || Character.getType(codePoint) == Character.FORMAT) {
            return String.format("the invisible character U+%04X", codePoint);
        }
        if (codePoint == '\'') {
            return "a quote (')";
        }
        return "'" + new String(Character.toChars(codePoint)) + "'";
    }

    public static boolean isDnsLabel(String name) {
        return DNS_LABEL.matcher(name).matches();
    }

    public static boolean isDnsSubdomain(String name) {
        return name.length() <= 253 && DNS_SUBDOMAIN.matcher(name).matches();
    }

    /** An S3 bucket name that Litestream's URL and every S3 server accept (AWS's rules for new buckets). */
    public static boolean isBucketName(String name) {
        return BUCKET.matcher(name).matches() && !name.contains("..");
    }

    /** An http(s) endpoint with nothing Litestream would expand ({@code $}) or YAML would need quoting for. */
    public static boolean isEndpointUrl(String url) {
        return url.length() <= 255 && ENDPOINT.matcher(url).matches();
    }

    public static boolean isEnvName(String name) {
        return ENV_NAME.matcher(name).matches();
    }

    public static boolean isImageRepository(String image) {
        return image.length() <= 255 && IMAGE_REPOSITORY.matcher(image).matches();
    }

    /** Null when {@code image} is a pinned image reference ({@code repo:tag} or {@code repo@sha256:...}). */
    public static String pinnedImageProblem(String image) {
        String repository = image;
        String digest = null;
        int at = image.indexOf('@');
        if (at >= 0) {
            repository = image.substring(0, at);
            digest = image.substring(at + 1);
            if (!DIGEST.matcher(digest).matches()) {
                return "has an invalid digest; expected @sha256:<64 hex digits>";
            }
        }
        String tag = null;
        int colon = repository.lastIndexOf(':');
        if (colon > repository.lastIndexOf('/')) {
            tag = repository.substring(colon + 1);
            repository = repository.substring(0, colon);
        }
        if (!isImageRepository(repository)) {
            return "is not an image reference such as busybox:1.37.0";
        }
        if (tag != null && !IMAGE_TAG.matcher(tag).matches()) {
            return "has an invalid tag '" + tag + "'";
        }
        if (digest == null && tag == null) {
            return "has no tag; pin a version (repo:tag or repo@sha256:...), an unpinned image changes under you";
        }
        if (digest == null && tag.equals("latest")) {
            return "is not pinned; 'latest' changes under you, use a version tag or @sha256:...";
        }
        return null;
    }

    /** A Kubernetes quantity as vixens-ls reads them ({@link Quantity#parse} is the one rule). */
    public static boolean isQuantity(String quantity) {
        return Quantity.parse(quantity) != null;
    }
}
