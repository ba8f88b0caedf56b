import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Poruch.Backend
import "../components"

// The generic form renderer: every section of the record's form version with its fields, top to
// bottom, in a scrollable column. No form has its own QML; the JSON definition drives everything.
ScrollView {
    id: view

    required property FormController controller

    // The editor of a field, for tests and for "go to the first problem".
    function editorFor(key) {
        for (let s = 0; s < sectionsRepeater.count; ++s) {
            const section = sectionsRepeater.itemAt(s)
            for (let f = 0; f < section.fieldCount; ++f) {
                const item = section.fieldAt(f)
                if (item && item.field.key === key)
                    return item
            }
        }
        return null
    }

    // Scrolls so that item (inside the form) is near the top: tests and "go to the first problem".
    function reveal(item) {
        const flick = view.contentItem
        const y = item.mapToItem(flick.contentItem, 0, 0).y
        flick.contentY = Math.max(0, Math.min(y - 16, flick.contentHeight - flick.height))
    }

    // One tap to a section (the section bar of the form page).
    function revealSection(index) {
        const section = sectionsRepeater.itemAt(index)
        if (section)
            reveal(section)
    }

    contentWidth: availableWidth
    clip: true

    ColumnLayout {
        width: view.availableWidth
        spacing: 16

        Repeater {
            id: sectionsRepeater
            model: view.controller ? view.controller.sections : []
            ColumnLayout {
                id: sectionColumn
                required property var modelData
                readonly property int fieldCount: fieldsRepeater.count
                function fieldAt(i) { return fieldsRepeater.itemAt(i) }
                spacing: 14
                Layout.fillWidth: true
                Layout.leftMargin: 24
                Layout.rightMargin: 24

                Label {
                    text: sectionColumn.modelData.title
                    font.pixelSize: 20
                    font.weight: Font.Medium
                    color: "#1f4e79"
                    wrapMode: Text.WordWrap
                    topPadding: 12
                    Layout.fillWidth: true
                }
                Repeater {
                    id: fieldsRepeater
                    model: sectionColumn.modelData.fields
                    FieldEditor {
                        required property var modelData
                        field: modelData
                        controller: view.controller
                        Layout.fillWidth: true
                    }
                }
            }
        }
        Item { Layout.preferredHeight: 24 }
    }
}
