package dev.vixens.ls.render;

import dev.vixens.ls.output.GeneratedFile;
import dev.vixens.ls.plan.EmittedFile;
import dev.vixens.ls.plan.FileSpec;
import dev.vixens.ls.source.YamlScalars;
import freemarker.template.AdapterTemplateModel;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * The render stage: FreeMarker templates from {@code templates/} (inside the jar) turn plan objects into
 * text, each kind of generated file with its own template ({@link EmittedFile}). Templates hold layout only;
 * a rendering failure is a bug in the tool, never the user's input.
 */
public final class Renderer {

    private static final class Holder {
        static final Configuration FREEMARKER = configure();
    }

    private Renderer() {
    }

    private static Configuration configure() {
        Configuration config = new Configuration(Configuration.VERSION_2_3_35);
        config.setClassForTemplateLoading(Renderer.class, "/templates");
        config.setDefaultEncoding("UTF-8");
        config.setLocale(Locale.ROOT);
        config.setTimeZone(TimeZone.getTimeZone("UTC"));
        config.setNumberFormat("c");
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setFallbackOnNullLoopVariable(false);
        config.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_35).build());
        // the one quoting rule of every generated file, decided in Java (lib/k8s.ftl names them s, q and c)
        config.setSharedVariable("yamlScalar", (TemplateMethodModelEx) args -> YamlScalars.scalar(text(args)));
        config.setSharedVariable("yamlQuoted", (TemplateMethodModelEx) args -> YamlScalars.quoted(text(args)));
        config.setSharedVariable("yamlComment", (TemplateMethodModelEx) args -> YamlScalars.comment(text(args)));
        return config;
    }

    /** The one argument of a template function as text: a string, or the text of a plan value (a duration). */
    private static String text(List<?> args) throws TemplateModelException {
        if (args.size() != 1) {
            throw new TemplateModelException("expected one argument, got " + args.size());
        }
        Object arg = args.get(0);
        if (arg instanceof TemplateScalarModel scalar) {
            return scalar.getAsString();
        }
        if (arg instanceof AdapterTemplateModel adapter) {
            return String.valueOf(adapter.getAdaptedObject(Object.class));
        }
        throw new TemplateModelException("expected text, got " + arg);
    }

    /**
     * The text of one generated file, without the generated-file marker: the output stage puts it on top
     * ({@link GeneratedFile#marked}).
     */
    public static String render(EmittedFile file) {
        return renderBody(file.path(), file.template(), file.model());
    }

    /**
     * Renders a file the user owns afterwards (a descriptor, a migration patch): no generated-file marker,
     * since generate must never take it over.
     */
    public static String renderUserFile(FileSpec spec) {
        return renderBody(spec.path(), spec.template(), spec.model());
    }

    private static String renderBody(String path, String templateName, Map<String, Object> model) {
        try {
            Template template = Holder.FREEMARKER.getTemplate(templateName);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load template " + templateName, e);
        } catch (TemplateException e) {
            throw new IllegalStateException("template " + templateName + " failed for " + path + ": "
                    + e.getMessage(), e);
        }
    }
}
