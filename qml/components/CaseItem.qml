import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One household in the caseload list.
ItemDelegate {
    id: item

    required property string caseId
    required property string title
    required property string address
    required property string phone
    required property string status
    required property bool displaced

    width: ListView.view ? ListView.view.width : implicitWidth
    implicitHeight: 72

    background: Rectangle {
        color: item.pressed ? "#eef3f8" : "white"
        Rectangle {
            anchors.bottom: parent.bottom
            width: parent.width
            height: 1
            color: "#e3e8ee"
        }
    }

    contentItem: ColumnLayout {
        spacing: 2
        RowLayout {
            Layout.fillWidth: true
            Label {
                text: item.title
                font.pixelSize: 17
                font.weight: Font.Medium
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            StatusBadge {
                kind: item.displaced ? "idp" : ""
                styles: ({ "idp": { text: qsTr("IDP"), color: "#ede7f6", fg: "#4527a0" } })
            }
            StatusBadge {
                kind: item.status === "closed" ? "closed" : ""
                styles: ({ "closed": { text: qsTr("closed"), color: "#eceff1", fg: "#37474f" } })
            }
        }
        Label {
            text: [item.address, item.phone].filter(s => s.length > 0).join(" · ")
            opacity: 0.7
            font.pixelSize: 14
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
    }
}
