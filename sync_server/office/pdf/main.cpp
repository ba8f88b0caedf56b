// poruch-office-pdf: HTML on standard input → PDF file, rendered with Qt's PDF writer.
// poruch-server runs it as a child process so the server itself stays a QCoreApplication without GUI
// libraries in its address space; this program needs a QGuiApplication (fonts) on the offscreen platform.
#include <QFile>
#include <QGuiApplication>
#include <QMarginsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

#include <cstdio>

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: poruch-office-pdf OUTPUT.pdf TITLE < page.html\n");
        return 2;
    }
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return 1;
    const QString html = QString::fromUtf8(input.readAll());

    QPdfWriter writer(args.at(1));
    writer.setTitle(args.at(2));
    writer.setCreator(QStringLiteral("Poruch"));
    writer.setResolution(150);
    writer.setPageLayout(QPageLayout(
        QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));

    QTextDocument document;
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(9.5);
    document.setDefaultFont(font);
    document.setHtml(html);
    document.print(&writer);
    return 0;
}
