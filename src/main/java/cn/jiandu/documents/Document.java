package cn.jiandu.documents;

import java.util.List;

/**
 * One document's content, apart from its layout: the Word writer and the dossier's PDF lay out the same
 * blocks, so the .docx and the dossier never say different things.
 *
 * @param docNumber the line under the title (文号), with the case number
 */
record Document(DocumentKind kind, String title, String docNumber, List<Block> blocks) {

    sealed interface Block permits Heading, Paragraph, Fields, Table, Signature {
    }

    /** 一、二、… : a section's heading (黑体 in the Word file). */
    record Heading(String text) implements Block {
    }

    /** Body text, first line indented two characters; {@code addressee} lines (…同志：) are not indented. */
    record Paragraph(String text, boolean addressee) implements Block {

        Paragraph(String text) {
            this(text, false);
        }
    }

    /** A form's rows (审批表): a label and what was recorded, one row each. */
    record Fields(List<Field> rows) implements Block {
    }

    record Field(String label, String value) {
    }

    /** A table with a header row. */
    record Table(List<String> header, List<List<String>> rows) implements Block {
    }

    /** The issuing body and the date, at the right (落款). */
    record Signature(List<String> lines) implements Block {
    }
}
