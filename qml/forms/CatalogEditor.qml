import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Poruch.Backend
import "../components"

// multi fields: a catalog checklist grouped by its sections, searchable. Collapsed, it lists what is
// chosen; open, every item is a 48 px+ check line. Each tick is saved at once.
ColumnLayout {
    id: root

    property var field
    property FormController controller
    property bool readOnly: false
    property bool expanded: false
    property string filter: ""
    readonly property var chosen: controller ? (controller.value(field.key, controller.revision) || []) : []
    readonly property var groups: {
        if (!controller)
            return []
        controller.revision
        return controller.catalogGroups(field.key, expanded ? filter : "")
    }

    spacing: 4

    // Opening the list scrolls it into view: the nearest form view (FormView.reveal) puts its top near the
    // top of the screen, so the first items are not left below the fold.
    function revealInForm() {
        for (let p = root.parent; p; p = p.parent) {
            if (typeof p.reveal === "function") {
                p.reveal(root)
                return
            }
        }
    }
    onExpandedChanged: if (expanded) revealLater.restart()
    Timer {
        id: revealLater
        interval: 0 // after the opened list has been laid out, so the form is tall enough to scroll there
        onTriggered: root.revealInForm()
    }

    AppButton {
        objectName: "toggle"
        text: root.expanded ? qsTr("Hide the list") : qsTr("Choose from the list (%1 chosen)").arg(root.chosen.length)
        flat: true
        implicitHeight: 48
        onClicked: root.expanded = !root.expanded
    }
    Repeater {
        model: root.expanded ? [] : root.groups
        Repeater {
            required property var modelData
            model: modelData.items.filter(item => item.checked)
            Label {
                required property var modelData
                text: "✓ " + modelData.text
                wrapMode: Text.WordWrap
                font.pixelSize: 15
                Layout.fillWidth: true
            }
        }
    }
    TextField {
        objectName: "search"
        visible: root.expanded
        placeholderText: qsTr("Search the list")
        implicitHeight: 56
        Layout.fillWidth: true
        onTextEdited: root.filter = text
    }
    Repeater {
        model: root.expanded ? root.groups : []
        ColumnLayout {
            id: group
            required property var modelData
            spacing: 0
            Layout.fillWidth: true
            Label {
                text: group.modelData.title
                font.pixelSize: 15
                font.weight: Font.Medium
                color: "#1f4e79"
                wrapMode: Text.WordWrap
                topPadding: 8
                Layout.fillWidth: true
            }
            Repeater {
                model: group.modelData.items
                CheckDelegate {
                    required property var modelData
                    objectName: "item_" + modelData.code
                    checked: modelData.checked
                    enabled: !root.readOnly
                    text: modelData.text
                    leftPadding: modelData.child ? 40 : 12
                    implicitHeight: Math.max(48, implicitContentHeight + topPadding + bottomPadding)
                    Layout.fillWidth: true
                    contentItem: Label {
                        rightPadding: parent.indicator.width + parent.spacing
                        text: parent.text
                        wrapMode: Text.WordWrap
                        font.pixelSize: 15
                        verticalAlignment: Text.AlignVCenter
                    }
                    onToggled: root.controller.toggleCode(root.field.key, modelData.code, checked)
                }
            }
        }
    }
}
