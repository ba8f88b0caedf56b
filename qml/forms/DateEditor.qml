import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Poruch.Backend
import "../components"

// date (YYYY-MM-DD) and datetime (YYYY-MM-DD HH:MM, stored as ISO 8601 with the offset) fields, with a
// one-tap "today" / "now" button. What is typed is saved as typed until it parses.
RowLayout {
    id: root

    property var field
    property FormController controller
    property bool readOnly: false
    property bool withTime: false
    readonly property string value: {
        if (!controller)
            return ""
        controller.revision
        return withTime ? controller.dateTimeText(field.key) : controller.dateText(field.key)
    }

    spacing: 8

    TextField {
        id: input
        objectName: "input"
        text: root.value
        readOnly: root.readOnly
        placeholderText: root.withTime ? qsTr("YYYY-MM-DD HH:MM") : qsTr("YYYY-MM-DD")
        inputMethodHints: Qt.ImhPreferNumbers
        implicitHeight: 56
        Layout.preferredWidth: root.withTime ? 240 : 180
        onTextEdited: root.withTime ? root.controller.setDateTimeText(root.field.key, text)
                                    : root.controller.setDateText(root.field.key, text)
    }
    AppButton {
        text: root.withTime ? qsTr("Now") : qsTr("Today")
        enabled: !root.readOnly
        implicitHeight: 56
        onClicked: root.withTime ? root.controller.setDateTimeText(root.field.key, root.controller.nowText())
                                 : root.controller.setDateText(root.field.key, root.controller.todayText())
    }
    Item { Layout.fillWidth: true }
}
